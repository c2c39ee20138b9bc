"""Small tables the reports show, cut from an ``Analysis``: pure functions, no I/O.

Each view keeps the words behind the numbers next to them (the cue and its sentence), so a
reader of a report can check every figure. Views read the long tables (``measures``,
``outlets``) by family, category and measure, never by parsing column names; ``wide`` gives the
wide layout when one is wanted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from toolkit.errors import ParameterError
from toolkit.metrics.base import ARTICLE, COUNT, HEADLINE, LEAD, PER_1K
from toolkit.pipeline.measure import SIZE_FAMILY
from toolkit.pipeline.tables import TableSource, in_context, wide

__all__ = [
    "actor_table",
    "affiliation_balance",
    "category_counts",
    "family_rates",
    "first_sources",
    "frame_shares",
    "mark_cue",
    "outlet_against_corpus",
    "outlet_articles",
    "outlet_overview",
    "removals",
    "scores",
    "source_type_shares",
    "sourcing_sentences",
    "sourcing_summary",
    "sourcing_summary_table",
    "sourcing_table",
    "stance_mix",
    "top_evidence",
    "wide",
]


def _measure(outlets: pd.DataFrame, family: str, measure: str, zone: str = ARTICLE) -> pd.DataFrame:
    """Outlets x categories of one measure of one family (from the long outlets table)."""
    rows = outlets[
        (outlets["family"] == family) & (outlets["measure"] == measure) & (outlets["zone"] == zone)
    ]
    table = rows.pivot(index="outlet", columns="category", values="value")
    order = list(dict.fromkeys(rows["category"]))
    table = table[order] if order else table
    table.columns.name = None
    return table


def family_rates(outlets: pd.DataFrame, family: str) -> pd.DataFrame:
    """Per-outlet rates per 1,000 words of one family: outlets as rows, categories as columns."""
    return _measure(outlets, family, PER_1K)


def _words(outlets: pd.DataFrame, zone: str = ARTICLE) -> pd.Series:
    rows = outlets[
        (outlets["family"] == SIZE_FAMILY)
        & (outlets["category"] == "words")
        & (outlets["zone"] == zone)
    ]
    return rows.set_index("outlet")["value"]


def outlet_articles(documents: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """The outlet's articles: id, title, date, words and sentences."""
    _require_outlet(documents, outlet)
    rows = documents[documents["outlet"] == outlet]
    return rows[["doc_id", "title", "date", "n_words", "n_sentences"]].reset_index(drop=True)


def outlet_against_corpus(outlets: pd.DataFrame, outlet: str, family: str) -> pd.DataFrame:
    """One family's rates for ``outlet`` beside the pooled rates of all the other outlets.

    Rows are the family's categories; columns the outlet and "other outlets" (1,000 x their
    summed counts / their summed words; NaN when they have no words).
    """
    _require_outlet(outlets, outlet)
    rates = family_rates(outlets, family)
    counts = _measure(outlets, family, COUNT)
    words = _words(outlets)
    others = words.drop(index=outlet).sum()
    pooled = {
        category: 1000.0 * counts[category].drop(index=outlet).sum() / others
        if others > 0
        else math.nan
        for category in rates.columns
    }
    return pd.DataFrame({outlet: rates.loc[outlet], "other outlets": pd.Series(pooled)})


def top_evidence(
    analysis: TableSource,
    family: str,
    *,
    outlet: str | None = None,
    per_category: int = 3,
    roles_only: bool = False,
) -> pd.DataFrame:
    """Up to ``per_category`` evidence rows per category of ``family``: cue, rule and sentence.

    Reads only the family's evidence (and the outlet's, with ``outlet``) and the sentences of
    the rows shown. ``roles_only`` keeps categories with a colon (salience roles, label sides).
    Rows keep document order so the same inputs always give the same table; negated rows are
    shown with ``negated`` True (they are not counted).
    """
    filters: list[tuple[str, str, Any]] = [("family", "==", family)]
    if outlet is not None:
        filters.append(("outlet", "==", outlet))
    rows = analysis.table("evidence", filters=filters)
    if roles_only:
        rows = rows[rows["category"].str.contains(":", regex=False)]
    rows = rows.sort_values(["category", "doc_id", "sentence", "start"], kind="stable")
    picked = in_context(rows.groupby("category", sort=True).head(per_category), analysis)
    picked["in context"] = [
        mark_cue(sentence, start - sentence_start, end - sentence_start)
        for sentence, start, end, sentence_start in zip(
            picked["sentence_text"].astype(str),
            picked["start"].astype(int),
            picked["end"].astype(int),
            picked["sentence_start"].astype(int),
            strict=True,
        )
    ]
    columns = ["category", "cue", "rule", "zone", "negated", "doc_id", "start", "in context"]
    return picked[columns].reset_index(drop=True)


def mark_cue(sentence: str, start: int, end: int) -> str:
    """The sentence with the cue at ``[start, end)`` (offsets into the sentence) in [brackets].

    Offsets outside the sentence (a cue spanning a sentence break) leave the sentence unmarked.
    """
    if not 0 <= start <= end <= len(sentence):
        return sentence
    return f"{sentence[:start]}[{sentence[start:end]}]{sentence[end:]}"


def category_counts(evidence: pd.DataFrame, family: str, outlet: str | None = None) -> pd.DataFrame:
    """Counted evidence rows per category (and outlet), the counts behind a family's figures.

    Negated rows are left out, as they are from the counts.
    """
    rows = evidence[(evidence["family"] == family) & ~evidence["negated"].astype(bool)]
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    return rows.groupby(["outlet", "category"], sort=True).size().unstack(fill_value=0)


def sourcing_table(analysis: TableSource, outlet: str | None = None) -> pd.DataFrame:
    """Attributions with who is cited, how and the sentence, in document order."""
    filters = None if outlet is None else [("outlet", "==", outlet)]
    rows = analysis.table("attributions", filters=filters)
    rows = in_context(rows.sort_values(["doc_id", "sentence", "start"], kind="stable"), analysis)
    columns = ["outlet", "doc_id", "source", "source_type", "cue", "quote_type", "sentence_text"]
    return rows[columns].rename(columns={"sentence_text": "sentence"}).reset_index(drop=True)


def source_type_shares(attributions: pd.DataFrame) -> pd.DataFrame:
    """Share of each source type among each outlet's attributions (rows sum to 1)."""
    return _shares(attributions, "source_type")


def scores(outlets: pd.DataFrame, outlet: str | None = None) -> pd.DataFrame:
    """Readability grades and tone scores per outlet (means over each outlet's articles): one
    row per outlet, one column per score."""
    rows = outlets[
        (outlets["zone"] == ARTICLE)
        & (
            (outlets["family"] == "readability")
            | ((outlets["family"] == "tone") & outlets["measure"].isin(("mean", "share")))
        )
    ]
    if outlet is not None:
        _require_outlet(outlets, outlet)
        rows = rows[rows["outlet"] == outlet]
    labelled = rows.assign(score=rows["family"] + " " + rows["category"] + " " + rows["measure"])
    table = labelled.pivot(index="outlet", columns="score", values="value")
    table = table[list(dict.fromkeys(labelled["score"]))]
    table.columns.name = None
    return table.round(2)


def removals(removed: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """What cleaning removed from the outlet's articles: rule, offsets and text."""
    rows = removed[removed["outlet"] == outlet]
    return rows[["doc_id", "rule", "start", "end", "text"]].reset_index(drop=True)


def actor_table(outlets: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """One outlet's actor salience: one row per actor the outlet names at all.

    Columns: mentions, agent and target rates per 1,000 words (pooled over the outlet's
    articles), the share of its articles naming the actor first / most, and mean mentions per
    headline and per lead (headline and lead mentions / articles).
    """
    _require_outlet(outlets, outlet)
    rows = outlets[(outlets["family"] == "salience") & (outlets["outlet"] == outlet)]
    rows = rows[rows["category"] != "actors"]
    articles = outlets[(outlets["outlet"] == outlet) & (outlets["family"] == SIZE_FAMILY)]
    n_articles = int(articles["n_articles"].max())
    columns = {
        (ARTICLE, PER_1K): "mentions per 1k words",
        (ARTICLE, "agent_per_1k"): "as agent per 1k",
        (ARTICLE, "target_per_1k"): "as target per 1k",
        (ARTICLE, "first"): "share named first",
        (ARTICLE, "most"): "share named most",
        (HEADLINE, COUNT): "headline mentions per article",
        (LEAD, COUNT): "lead mentions per article",
    }
    picked = rows[[(z, m) in columns for z, m in zip(rows["zone"], rows["measure"], strict=True)]]
    labelled = picked.assign(
        column=[columns[z, m] for z, m in zip(picked["zone"], picked["measure"], strict=True)]
    )
    table = labelled.pivot(index="category", columns="column", values="value")
    table = table[[label for label in columns.values() if label in table.columns]]
    for label in ("headline mentions per article", "lead mentions per article"):
        table[label] = table[label] / n_articles if n_articles else math.nan
    mentions = rows[(rows["zone"] == ARTICLE) & (rows["measure"] == COUNT)]
    named = mentions.set_index("category")["value"] > 0
    table = table[named.reindex(table.index, fill_value=False)]
    table.index.name = "actor"
    table.columns.name = None
    order = list(dict.fromkeys(rows["category"]))
    table = table.loc[[actor for actor in order if actor in table.index]]
    return table.sort_values("mentions per 1k words", ascending=False, kind="stable")


def frame_shares(outlets: pd.DataFrame, family: str) -> pd.DataFrame:
    """Mean frame shares per outlet (rows) and frame (columns), with the dominant frame.

    ``dominant`` names the frame with the largest mean share ("" when every share is
    undefined); ties go to the frame listed first in the codebook.
    """
    shares = _measure(outlets, family, "share")
    dominant = []
    for _, row in shares.iterrows():
        best, best_share = "", 0.0
        for frame, share in row.items():
            if not math.isnan(float(share)) and float(share) > best_share:
                best, best_share = str(frame), float(share)
        dominant.append(best)
    return shares.assign(dominant=dominant)


def _require_outlet(table: pd.DataFrame, outlet: str) -> None:
    known: Sequence[str] = sorted(table["outlet"].unique())
    if outlet not in known:
        raise ParameterError(
            f"The 'outlet' parameter must be one of {known}. Got {outlet!r} instead."
        )


# --- sourcing views ------------------------------------------------------------------------------

_NAMED_SOURCES = ("named_person", "role", "named_organisation", "news_media")


def sourcing_summary(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: attributions, distinct sources, the share of anonymous sources and, apart, of
    unnamed groups (0 to 1, higher = more unnamed sourcing), the named-to-anonymous ratio (above
    1 = more named) and the share of direct quotation (0 to 1). NaN where undefined (no
    attributions, no anonymous source)."""
    columns = ["attributions", "distinct_sources", "anonymous_share", "unnamed_group_share",
               "named_to_anonymous", "direct_share"]  # fmt: skip
    if attributions.empty:
        return pd.DataFrame(columns=columns)
    rows = {}
    for outlet, group in attributions.groupby("outlet", sort=True):
        total = len(group)
        anonymous = int((group["source_type"] == "anonymous").sum())
        unnamed = int((group["source_type"] == "unnamed_group").sum())
        named = int(group["source_type"].isin(_NAMED_SOURCES).sum())
        identified = group[
            ~group["source_type"].isin(("unattributed_report", "pronoun", "implicit"))
        ]
        distinct = identified[["doc_id", "source_id"]].drop_duplicates()
        rows[outlet] = {
            "attributions": total,
            "distinct_sources": len(distinct),
            "anonymous_share": anonymous / total,
            "unnamed_group_share": unnamed / total,
            "named_to_anonymous": named / anonymous if anonymous else float("nan"),
            "direct_share": float((group["quote_type"] == "direct").mean()),
        }
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _shares(attributions: pd.DataFrame, column: str) -> pd.DataFrame:
    if attributions.empty:
        return pd.DataFrame()
    counts = attributions.groupby(["outlet", column], sort=True).size().unstack(fill_value=0)
    return counts.div(counts.sum(axis=1), axis=0)


def affiliation_balance(attributions: pd.DataFrame) -> pd.DataFrame:
    """Share of each outlet's attributions by the affiliation of the source (actor codebook:
    whose side gets a voice); rows sum to 1."""
    return _shares(attributions, "affiliation")


def stance_mix(attributions: pd.DataFrame) -> pd.DataFrame:
    """Share of each outlet's attributions by the stance of the reporting verb (neutral,
    assertive, doubt, alarm, disclosure, refusal; Bergler 1992); rows sum to 1."""
    return _shares(attributions, "verb_stance")


def first_sources(analysis: TableSource, outlet: str | None = None) -> pd.DataFrame:
    """The first attribution of each article (in reading order, headline first): who is quoted
    first, how, and the sentence."""
    filters = None if outlet is None else [("outlet", "==", outlet)]
    rows = analysis.table("attributions", filters=filters)
    ordered = rows.sort_values(["doc_id", "sentence", "start"], kind="stable")
    first = in_context(ordered.groupby("doc_id", sort=True).head(1), analysis)
    columns = ["outlet", "doc_id", "source", "source_type", "affiliation", "cue", "sentence_text"]
    return first[columns].rename(columns={"sentence_text": "sentence"}).reset_index(drop=True)


def sourcing_sentences(
    analysis: TableSource,
    column: str,
    value: str,
    *,
    per_outlet: int = 2,
) -> pd.DataFrame:
    """Up to ``per_outlet`` attributions per outlet whose ``column`` equals ``value`` (e.g.
    ``source_type`` = ``anonymous``, ``quote_type`` = ``direct``), with source, cue and sentence:
    the sentences behind a sourcing figure."""
    attributions = analysis.table("attributions")
    if column not in attributions.columns:
        raise ParameterError(
            f"The 'column' parameter of sourcing_sentences must be one of "
            f"{sorted(attributions.columns)}. Got {column!r} instead."
        )
    rows = attributions[attributions[column] == value].sort_values(
        ["outlet", "doc_id", "sentence", "start"], kind="stable"
    )
    picked = in_context(rows.groupby("outlet", sort=True).head(per_outlet), analysis)
    columns = ["outlet", "source", "source_type", "affiliation", "cue", "verb_stance",
               "sentence_text"]  # fmt: skip
    return picked[columns].rename(columns={"sentence_text": "sentence"}).reset_index(drop=True)


def outlet_overview(outlets: pd.DataFrame) -> str:
    """Articles, words and sentences per outlet (in scope), as a paper table (HTML)."""
    from toolkit.notebook.tables import paper_table

    table = wide(outlets)
    columns = {
        "outlet": "Outlet",
        "n_articles": "Articles",
        "n_words": "Words",
        "n_sentences": "Sentences",
    }
    return paper_table(
        table[list(columns)],
        columns,
        kinds={"n_articles": "count", "n_words": "count", "n_sentences": "count"},
        caption="Outlets: articles analysed, words and sentences",
    )


def sourcing_summary_table(attributions: pd.DataFrame) -> str:
    """``sourcing_summary`` as a paper table (HTML): shares as percentages."""
    from toolkit.notebook.tables import paper_table

    summary = sourcing_summary(attributions)
    table = summary.rename_axis("outlet").reset_index()
    labels = {
        "outlet": "Outlet",
        "attributions": "Attributions",
        "distinct_sources": "Distinct sources",
        "anonymous_share": "Anonymous sources, %",
        "unnamed_group_share": "Unnamed groups, %",
        "named_to_anonymous": "Named per anonymous",
        "direct_share": "Direct quotation, %",
    }
    kinds = {
        "attributions": "count",
        "distinct_sources": "count",
        "anonymous_share": "share",
        "unnamed_group_share": "share",
        "named_to_anonymous": "ratio",
        "direct_share": "share",
    }
    return paper_table(table, labels, kinds=kinds, caption="Sourcing per outlet")  # type: ignore[arg-type]
