"""The tables of an analysis: their columns (the data dictionary), frames and outlet totals.

Every table is long and has a fixed schema, whatever the codebooks: a researcher filters and
pivots ``measures`` instead of parsing column names. ``wide`` gives the wide layout (one column
per measure) on demand. The schema of every table, with units, is in ``table_specs()`` and, for
readers, in ``docs/data-dictionary.md`` (``data_dictionary()`` writes it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd

from toolkit.metrics.base import ARTICLE, COUNT, HEADLINE, LEAD, PER_1K
from toolkit.metrics.registry import Column, TableSpec, registry
from toolkit.pipeline.measure import SIZE_FAMILY

_ID = (
    Column("doc_id", "string", "article id (from the corpus, else the file name)"),
    Column("outlet", "string", "the outlet that published the article"),
)

DOCUMENTS = TableSpec(
    name="documents",
    description="One row per article: identity, sizes and text facts (dominant frames).",
    columns=(
        *_ID,
        Column("title", "string", "the headline"),
        Column("date", "string", "publication date as given in the corpus"),
        Column("url", "string", "address as given in the corpus"),
        Column("topic", "string", "the story's topic as given in the corpus (field or column)"),
        Column("event", "string", "the story's event as given in the corpus (field or column)"),
        Column("location", "string", "where the article was read: file, file:line or file:row"),
        Column("language", "string", "ISO 639-1 code identified from the text (py3langid)"),
        Column(
            "in_scope",
            "bool",
            "the language is one analysed (--languages); other articles are kept but left out "
            "of the outlet totals",
        ),
        Column("n_words", "int64", "words in the headline and the body"),
        Column("n_headline_words", "int64", "words in the headline"),
        Column("n_lead_words", "int64", "words in the lead (the first two body sentences)"),
        Column("n_sentences", "int64", "sentences of the body"),
    ),
    order=("doc_id",),
)
MEASURES = TableSpec(
    name="measures",
    description="One row per number measured on an article (long layout; `views.wide` pivots).",
    columns=(
        *_ID,
        Column("zone", "string", "article (everything), headline or lead"),
        Column("family", "string", "metric family (registry), or text for sizes"),
        Column("category", "string", "codebook category or what the family counts"),
        Column("measure", "string", "count, per_1k, share, score, ... (see the measures list)"),
        Column("value", "float64", "the number; NaN (never 0) when undefined"),
    ),
    order=("doc_id",),
)
EVIDENCE = TableSpec(
    name="evidence",
    description="One row per matched span behind a count; text[start:end] == cue, where text "
    "is the title for the headline zone and the article text otherwise.",
    columns=(
        *_ID,
        Column("family", "string", "metric family"),
        Column("category", "string", "what the span counts for"),
        Column("rule", "string", "codebook entry or rule id (<codebook>:<entry>)"),
        Column("zone", "string", "headline, lead or body"),
        Column("sentence", "int64", "number of the sentence (sentences table) holding start"),
        Column("start", "int64", "start offset (characters) in the zone's text"),
        Column("end", "int64", "end offset (characters, exclusive)"),
        Column("cue", "string", "the matched words"),
        Column("weight", "float64", "what the span adds to its count (a valence for tone)"),
        Column("negated", "bool", "in the scope of a negation: kept as evidence, not counted"),
    ),
    order=("doc_id", "sentence", "start", "end", "family", "rule"),
)
SENTENCES = TableSpec(
    name="sentences",
    description="One row per sentence: the headline's first, then the body's; evidence and "
    "attributions point here by (doc_id, sentence).",
    columns=(
        *_ID,
        Column("sentence", "int64", "number of the sentence in the article, from 0"),
        Column("zone", "string", "headline, lead or body"),
        Column("start", "int64", "start offset in the zone's text"),
        Column("end", "int64", "end offset (exclusive)"),
        Column("n_words", "int64", "words starting in the sentence"),
        Column("text", "string", "the sentence"),
    ),
    order=("doc_id", "sentence"),
)
OUTLETS = TableSpec(
    name="outlets",
    description="The measures per outlet: counts summed, rates recomputed from pooled counts "
    "and words, other measures averaged over the outlet's articles in scope (in_scope).",
    columns=(
        Column("outlet", "string", "the outlet"),
        Column("zone", "string", "article, headline or lead"),
        Column("family", "string", "metric family, or text for sizes"),
        Column("category", "string", "as in measures"),
        Column("measure", "string", "as in measures"),
        Column("value", "float64", "sum (counts), pooled rate (per_1k) or mean (others)"),
        Column("n_articles", "int64", "articles with a defined value"),
    ),
    order=("outlet",),
)
REJECTED = TableSpec(
    name="rejected",
    description="Articles that were not analysed, with where they came from and why.",
    columns=(
        Column("location", "string", "file, file:line or file:row"),
        Column("doc_id", "string", "article id when known"),
        Column("outlet", "string", "outlet when known"),
        Column("reason", "string", "why the article was not analysed"),
    ),
    order=(),
)
REMOVALS = TableSpec(
    name="removals",
    description="What cleaning cut from each article (offsets into the original text).",
    columns=(
        *_ID,
        Column("rule", "string", "cleaning rule"),
        Column("start", "int64", "start offset in the original text"),
        Column("end", "int64", "end offset (exclusive)"),
        Column("text", "string", "the removed text"),
    ),
    order=("doc_id",),
)


def table_specs() -> tuple[TableSpec, ...]:
    """Every table of an analysis, in the order they are written and read."""
    documents = TableSpec(
        DOCUMENTS.name,
        DOCUMENTS.description,
        (*DOCUMENTS.columns, *registry().document_columns()),
        DOCUMENTS.order,
    )
    return (
        documents,
        MEASURES,
        EVIDENCE,
        SENTENCES,
        *registry().tables(),
        OUTLETS,
        REJECTED,
        REMOVALS,
    )


def article_tables() -> tuple[str, ...]:
    """The tables with rows of each article (every table but outlets and rejected)."""
    return tuple(name for name in table_names() if name not in ("outlets", "rejected"))


def table_names() -> tuple[str, ...]:
    """Names of every table, in order."""
    return tuple(spec.name for spec in table_specs())


def spec(name: str) -> TableSpec:
    """The spec of table ``name``."""
    for table in table_specs():
        if table.name == name:
            return table
    raise KeyError(name)


_PANDAS_TYPES = {"string": "str", "int64": "int64", "float64": "float64", "bool": "bool"}


def frame(name: str, rows: Iterable[Sequence[Any]] | Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Table ``name`` from rows (tuples in column order, or mappings by column name).

    Columns and types follow the table's spec, so empty tables and every chunk of a table have
    the same schema. Rows keep their order.
    """
    table = spec(name)
    built = pd.DataFrame.from_records(list(rows), columns=list(table.names))  # type: ignore[arg-type]
    return built.astype({c.name: _PANDAS_TYPES[c.dtype] for c in table.columns})


def sort_rows(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` in the row order of its spec (stable)."""
    order = list(spec(name).order)
    if table.empty or not order:
        return table.reset_index(drop=True)
    return table.sort_values(order, kind="stable").reset_index(drop=True)


# --- outlet totals ----------------------------------------------------------------------------

_KEYS = ["outlet", "zone", "family", "category", "measure"]
_SUM = "sum"
_NON_NULL = "non_null"


def is_count(measure: str) -> bool:
    """True for measures that add up over articles (``count`` and ``..._count``)."""
    return measure == COUNT or measure.endswith(f"_{COUNT}")


def is_rate(measure: str) -> bool:
    """True for rates per 1,000 words (``per_1k`` and ``..._per_1k``)."""
    return measure == PER_1K or measure.endswith(f"_{PER_1K}")


def outlet_partials(measures: pd.DataFrame) -> pd.DataFrame:
    """Per-outlet sums and non-NaN counts of every measure of a chunk of the measures table.

    Partials of chunks add up (``combine_partials``), so the outlet table of a corpus streamed
    in chunks needs memory for one row per outlet and measure only.
    """
    grouped = measures.groupby(_KEYS, sort=False, observed=True)["value"]
    return pd.DataFrame({_SUM: grouped.sum(), _NON_NULL: grouped.count()})


def in_scope_rows(rows: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The ``rows`` of articles in scope (documents column ``in_scope``), for outlet totals."""
    kept = documents.loc[documents["in_scope"].astype(bool), "doc_id"]
    if len(kept) == len(documents):
        return rows
    return rows[rows["doc_id"].isin(kept)]


def combine_partials(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The sum of several ``outlet_partials``."""
    if not parts:
        return pd.DataFrame({_SUM: [], _NON_NULL: []})
    return pd.concat(parts).groupby(level=_KEYS, sort=False).sum()


def outlet_table(partials: pd.DataFrame) -> pd.DataFrame:
    """The outlets table from (combined) ``outlet_partials``.

    Counts are summed; a rate per 1,000 words is 1,000 x the pooled count / the pooled words of
    its zone (NaN when the outlet has no words); every other measure is the mean over the
    outlet's articles with a value (NaN when none has one).
    """
    if partials.empty:
        return frame("outlets", [])
    sums = partials[_SUM]
    non_null = partials[_NON_NULL]
    index = partials.index.to_frame(index=False)
    values = (sums / non_null.where(non_null > 0)).to_numpy(dtype=float, copy=True)
    counts = index["measure"].map(is_count).to_numpy(dtype=bool)
    values[counts] = sums.to_numpy(dtype=float)[counts]
    rates = index["measure"].map(is_rate).to_numpy(dtype=bool)
    if rates.any():
        values[rates] = _pooled_rates(index[rates], sums)
    index["value"] = values
    index["n_articles"] = non_null.to_numpy(dtype="int64")
    return sort_rows(frame("outlets", index.itertuples(index=False, name=None)), "outlets")


def _pooled_rates(rows: pd.DataFrame, sums: pd.Series) -> np.ndarray:
    counts = [
        (outlet, zone, family, category, _count_of(measure))
        for outlet, zone, family, category, measure in rows.itertuples(index=False, name=None)
    ]
    words = [(outlet, zone, SIZE_FAMILY, "words", COUNT) for outlet, zone, *_ in counts]
    count_values = sums.reindex(counts).to_numpy(dtype=float)
    word_values = sums.reindex(words).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(word_values > 0, 1000.0 * count_values / word_values, np.nan)


def _count_of(rate: str) -> str:
    return rate.removesuffix(PER_1K) + COUNT


# --- wide layout ------------------------------------------------------------------------------

SIZE_COLUMNS = {
    (ARTICLE, "words"): "n_words",
    (HEADLINE, "words"): "n_headline_words",
    (LEAD, "words"): "n_lead_words",
    (ARTICLE, "sentences"): "n_sentences",
}
"""Wide column names of the size measures."""


def wide(measures: pd.DataFrame, *, key: str | None = None) -> pd.DataFrame:
    """The measures of a ``measures`` or ``outlets`` table one column each (the wide layout).

    Rows are articles (``doc_id``) or outlets (``outlet``), chosen by ``key`` or by which column
    the table has; columns are ``<family>_<category>[_<zone>]_<measure>`` in the table's order
    of first appearance, with the sizes as ``n_words``, ``n_headline_words``, ``n_lead_words``
    and ``n_sentences`` first. An outlets table also gets ``n_articles`` first.
    """
    from toolkit.metrics.base import wide_name

    if key is None:
        key = "doc_id" if "doc_id" in measures.columns else "outlet"
    names = [
        SIZE_COLUMNS.get((zone, category))
        if family == SIZE_FAMILY
        else wide_name(family, category, measure, zone)
        for zone, family, category, measure in zip(
            measures["zone"],
            measures["family"],
            measures["category"],
            measures["measure"],
            strict=True,
        )
    ]
    labelled = pd.DataFrame({key: measures[key], "column": names, "value": measures["value"]})
    table = labelled.pivot(index=key, columns="column", values="value")
    order = list(dict.fromkeys(names))
    sizes = [name for name in SIZE_COLUMNS.values() if name in order]
    columns = [*sizes, *(name for name in order if name not in sizes)]
    table = table[columns]
    table.columns.name = None
    if key == "outlet" and "n_articles" in measures.columns:
        words = measures[(measures["family"] == SIZE_FAMILY) & (measures["category"] == "words")]
        articles = words.groupby("outlet", sort=True)["n_articles"].max()
        table.insert(0, "n_articles", articles.reindex(table.index).astype("int64"))
    return table.reset_index()


class TableSource(Protocol):
    """What reads an analysis's tables: ``toolkit.Analysis`` or ``toolkit.AnalysisFolder``."""

    @property
    def metadata(self) -> Mapping[str, Any]:
        """What produced the analysis (``analysis.json``)."""
        ...

    def table(
        self,
        name: str,
        *,
        columns: Sequence[str] | None = None,
        filters: Sequence[tuple[str, str, Any]] | None = None,
    ) -> pd.DataFrame:
        """Columns and rows of one table."""
        ...


def in_context(rows: pd.DataFrame, sentences: pd.DataFrame | TableSource) -> pd.DataFrame:
    """``rows`` (evidence or attributions) with the text and start of their sentence.

    Adds ``sentence_text`` and ``sentence_start`` (the sentence's start in the same zone text
    as the row's offsets) from the sentences table, by (doc_id, sentence); row order is kept.
    ``sentences`` is the sentences table, or an analysis to read only the sentences of
    ``rows``' documents from.
    """
    if not isinstance(sentences, pd.DataFrame):
        ids = sorted(set(rows["doc_id"].astype(str)))
        sentences = sentences.table(
            "sentences",
            columns=["doc_id", "sentence", "start", "text"],
            filters=[("doc_id", "in", ids)],
        )
    joined = rows.merge(
        sentences[["doc_id", "sentence", "start", "text"]].rename(
            columns={"start": "sentence_start", "text": "sentence_text"}
        ),
        on=["doc_id", "sentence"],
        how="left",
        validate="many_to_one",
    )
    joined.index = rows.index
    return joined
