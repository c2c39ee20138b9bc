"""Small tables the reports show, cut from an ``Analysis``: pure functions, no I/O.

Each view keeps the words behind the numbers next to them (the cue and its sentence), so a
reader of a report can check every figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from toolkit.errors import ParameterError

FAMILIES = ("hedging", "attribution", "framing", "tone")


def rate_columns(table: pd.DataFrame, family: str) -> list[str]:
    """The ``<family>_..._per_1k`` columns of ``table``, in table order."""
    pattern = re.compile(rf"^{re.escape(family)}_.+_per_1k$")
    return [column for column in table.columns if pattern.match(column)]


def family_rates(outlets: pd.DataFrame, family: str) -> pd.DataFrame:
    """Per-outlet rates per 1,000 words of one family, outlets as rows, short column names."""
    columns = rate_columns(outlets, family)
    frame = outlets.set_index("outlet")[columns]
    return frame.rename(columns=lambda c: c.removeprefix(f"{family}_").removesuffix("_per_1k"))


def outlet_articles(documents: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """The outlet's articles: id, title, date, words and sentences."""
    _require_outlet(documents, outlet)
    rows = documents[documents["outlet"] == outlet]
    return rows[["doc_id", "title", "date", "n_words", "n_sentences"]].reset_index(drop=True)


def outlet_against_corpus(outlets: pd.DataFrame, outlet: str, family: str) -> pd.DataFrame:
    """One family's rates for ``outlet`` beside the pooled rates of all the other outlets."""
    _require_outlet(outlets, outlet)
    rates = family_rates(outlets, family)
    counts = outlets.set_index("outlet")
    others = counts.drop(index=outlet)
    rows = {}
    for short in rates.columns:
        count_column = f"{family}_{short}_count"
        if count_column in counts.columns and others["n_words"].sum() > 0:
            rows[short] = 1000.0 * others[count_column].sum() / others["n_words"].sum()
        else:
            rows[short] = float("nan")
    return pd.DataFrame({outlet: rates.loc[outlet], "other outlets": pd.Series(rows)})


def top_evidence(
    evidence: pd.DataFrame,
    family: str,
    *,
    outlet: str | None = None,
    per_category: int = 3,
) -> pd.DataFrame:
    """Up to ``per_category`` evidence rows per category of ``family``: cue, rule and sentence.

    Rows keep document order so the same inputs always give the same table.
    """
    rows = evidence[evidence["family"] == family]
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    rows = rows.sort_values(["category", "doc_id", "start"], kind="stable")
    picked = rows.groupby("category", sort=True).head(per_category).copy()
    picked["in context"] = [
        mark_cue(sentence, start - sentence_start, end - sentence_start)
        for sentence, start, end, sentence_start in zip(
            picked["sentence"].astype(str),
            picked["start"].astype(int),
            picked["end"].astype(int),
            picked["sentence_start"].astype(int),
            strict=True,
        )
    ]
    columns = ["category", "cue", "rule", "doc_id", "start", "end", "in context"]
    return picked[columns].reset_index(drop=True)


def mark_cue(sentence: str, start: int, end: int) -> str:
    """The sentence with the cue at ``[start, end)`` (offsets into the sentence) in [brackets].

    Offsets outside the sentence (a cue spanning a sentence break) leave the sentence unmarked.
    """
    if not 0 <= start <= end <= len(sentence):
        return sentence
    return f"{sentence[:start]}[{sentence[start:end]}]{sentence[end:]}"


def category_counts(evidence: pd.DataFrame, family: str, outlet: str | None = None) -> pd.DataFrame:
    """Evidence rows per category (and outlet), the counts behind a family's figures."""
    rows = evidence[evidence["family"] == family]
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    table = rows.groupby(["outlet", "category"], sort=True).size().unstack(fill_value=0)
    return table


def sourcing_table(attributions: pd.DataFrame, outlet: str | None = None) -> pd.DataFrame:
    """Attributions with who is cited, how and the sentence, in document order."""
    rows = attributions if outlet is None else attributions[attributions["outlet"] == outlet]
    columns = [
        c
        for c in ("outlet", "doc_id", "source", "source_type", "cue", "quote_type", "sentence")
        if c in rows.columns
    ]
    return rows.sort_values(["doc_id", "start"], kind="stable")[columns].reset_index(drop=True)


def source_type_shares(attributions: pd.DataFrame) -> pd.DataFrame:
    """Share of each source type among each outlet's attributions (rows sum to 1)."""
    if attributions.empty:
        return pd.DataFrame()
    counts = attributions.groupby(["outlet", "source_type"], sort=True).size().unstack(fill_value=0)
    return counts.div(counts.sum(axis=1), axis=0)


def scores(outlets: pd.DataFrame, outlet: str | None = None) -> pd.DataFrame:
    """Readability grades and tone scores per outlet (means over each outlet's articles)."""
    columns = [
        c
        for c in outlets.columns
        if c.startswith(("readability_", "tone_")) and not c.endswith("_count")
    ]
    table = outlets.set_index("outlet")[columns]
    if outlet is not None:
        _require_outlet(outlets, outlet)
        table = table.loc[[outlet]]
    return table.T.round(2)


def removals(removed: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """What cleaning removed from the outlet's articles: rule, offsets and text."""
    rows = removed[removed["outlet"] == outlet]
    return rows[["doc_id", "rule", "start", "end", "text"]].reset_index(drop=True)


def _require_outlet(table: pd.DataFrame, outlet: str) -> None:
    known: Sequence[str] = sorted(table["outlet"].unique())
    if outlet not in known:
        raise ParameterError(
            f"The 'outlet' parameter must be one of {known}. Got {outlet!r} instead."
        )


# --- sourcing views ------------------------------------------------------------------------------

_ANONYMOUS_SOURCES = ("anonymous", "unnamed_group")
_NAMED_SOURCES = ("named_person", "named_organisation", "news_media")


def sourcing_summary(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: attributions, distinct sources, share of anonymous and unnamed sources
    (0 to 1, higher = more unnamed sourcing), named-to-anonymous ratio (above 1 = more named)
    and share of direct quotation (0 to 1). NaN where undefined (no attributions, no anonymous
    source)."""
    columns = ["attributions", "distinct_sources", "anonymous_share", "named_to_anonymous",
               "direct_share"]  # fmt: skip
    if attributions.empty:
        return pd.DataFrame(columns=columns)
    rows = {}
    for outlet, group in attributions.groupby("outlet", sort=True):
        total = len(group)
        anonymous = int(group["source_type"].isin(_ANONYMOUS_SOURCES).sum())
        named = int(group["source_type"].isin(_NAMED_SOURCES).sum())
        identified = group[~group["source_type"].isin(("unattributed_report", "pronoun"))]
        distinct = identified[["doc_id", "source_id"]].drop_duplicates()
        rows[outlet] = {
            "attributions": total,
            "distinct_sources": len(distinct),
            "anonymous_share": anonymous / total,
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


def first_sources(attributions: pd.DataFrame, outlet: str | None = None) -> pd.DataFrame:
    """The first attribution of each article (in text order): who is quoted first, how, and
    the sentence."""
    rows = attributions if outlet is None else attributions[attributions["outlet"] == outlet]
    columns = [c for c in ("outlet", "doc_id", "source", "source_type", "affiliation", "cue",
                           "sentence") if c in rows.columns]  # fmt: skip
    ordered = rows.sort_values(["doc_id", "start"], kind="stable")
    return ordered.groupby("doc_id", sort=True).head(1)[columns].reset_index(drop=True)


def sourcing_sentences(
    attributions: pd.DataFrame, column: str, value: str, *, per_outlet: int = 2
) -> pd.DataFrame:
    """Up to ``per_outlet`` attributions per outlet whose ``column`` equals ``value`` (e.g.
    ``source_type`` = ``anonymous``, ``quote_type`` = ``direct``), with source, cue and sentence:
    the sentences behind a sourcing figure."""
    if column not in attributions.columns:
        raise ParameterError(
            f"The 'column' parameter of sourcing_sentences must be one of "
            f"{sorted(attributions.columns)}. Got {column!r} instead."
        )
    rows = attributions[attributions[column] == value].sort_values(
        ["outlet", "doc_id", "start"], kind="stable"
    )
    columns = [c for c in ("outlet", "source", "source_type", "affiliation", "cue",
                           "verb_stance", "sentence") if c in rows.columns]  # fmt: skip
    return rows.groupby("outlet", sort=True).head(per_outlet)[columns].reset_index(drop=True)
