"""Run every metric family over a corpus and gather tidy tables.

``analyze`` turns a corpus into five tables (documents, evidence, attributions, outlets,
rejected) plus ``removals`` (what cleaning cut from each article). ``Analysis.write`` saves them as
CSV and Parquet with an ``analysis.json`` that records the toolkit and codebook versions used;
``read_analysis`` loads such a folder back.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from toolkit import __version__
from toolkit.codebooks import Codebook, default_codebook, load_codebook
from toolkit.corpus import Corpus, load_corpus
from toolkit.corpus.article import Article, Rejection
from toolkit.corpus.language import (
    DEFAULT_LANGUAGES,
    check_languages,
    identify_language,
    in_scope,
)
from toolkit.errors import ParameterError
from toolkit.metrics import (
    attribution,
    framing,
    hedging,
    labels,
    readability,
    salience,
    sentiment,
)
from toolkit.metrics.attribution.records import Attribution
from toolkit.metrics.base import EvidenceTuple, FamilyResult
from toolkit.metrics.lexicon import compile_codebook, scan_text
from toolkit.text import Segmented, segment

if TYPE_CHECKING:
    from distributed import Client

TABLES = ("documents", "evidence", "attributions", "outlets", "rejected", "removals")
METADATA_FILE = "analysis.json"

_DOCUMENT_FIELDS = ("doc_id", "outlet", "title", "date", "url", "location", "language")
IN_SCOPE = "in_scope"
"""Documents column: True when the article's language is one of the analysis's ``languages``
(or undetermined); out-of-scope articles are kept but left out of the outlet table."""
_EVIDENCE_COLUMNS = (
    "doc_id",
    "outlet",
    "family",
    "category",
    "rule",
    "cue",
    "start",
    "end",
    "weight",
    "sentence",
    "sentence_start",
)
_REJECTED_COLUMNS = ("location", "doc_id", "outlet", "reason")
REMOVAL_COLUMNS = ("doc_id", "outlet", "rule", "start", "end", "text")
# The row order of each table: read_analysis restores it for tables written in input order.
ROW_ORDER: Mapping[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "evidence": ("doc_id", "start", "end", "family", "rule"),
    "attributions": ("doc_id", "start", "end"),
    "removals": ("doc_id",),
}

CodebookLike = Codebook | str | os.PathLike[str]


@dataclass(frozen=True)
class Analysis:
    """The tables produced by ``analyze``, plus what produced them.

    ``documents``: one row per article (doc_id, outlet, title, n_words, n_sentences, every metric).
    ``evidence``: one row per matched span (doc_id, outlet, family, category, rule, cue, start, end,
    weight, sentence, sentence_start); ``cue`` equals ``article.text[start:end]`` and the
    sentence starts at ``sentence_start`` in the same text.
    ``attributions``: one row per attribution (source, source_type, cue, quote_type, offsets, ...).
    ``outlets``: one row per outlet; counts summed, ``_per_1k`` rates recomputed from pooled words,
    other scores averaged over the outlet's articles.
    ``rejected``: articles that were not analysed, with location and reason.
    ``removals``: spans cleaning removed, with offsets into each article's original text.
    ``metadata``: toolkit version, corpus source and the name and version of every codebook.
    """

    documents: pd.DataFrame
    evidence: pd.DataFrame
    attributions: pd.DataFrame
    outlets: pd.DataFrame
    rejected: pd.DataFrame
    removals: pd.DataFrame
    metadata: Mapping[str, Any]

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (one of ``TABLES``)."""
        if name not in TABLES:
            raise ParameterError(
                f"The 'name' parameter of Analysis.table must be one of {set(TABLES)}. "
                f"Got {name!r} instead."
            )
        frame: pd.DataFrame = getattr(self, name)
        return frame

    def write(self, out_dir: str | os.PathLike[str], *, chunk_rows: int = 100_000) -> list[Path]:
        """Write every table as CSV and Parquet plus ``analysis.json``; return the files written.

        Tables are written ``chunk_rows`` rows at a time, one Parquet row group per chunk, the
        same layout ``toolkit.engine.analyze_to_folder`` streams to.
        """
        from toolkit.engine.tables import ChunkWriter

        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        with ChunkWriter(folder) as writer:
            for name in TABLES:
                frame = self.table(name)
                for start in range(0, max(len(frame), 1), chunk_rows):
                    writer.write(name, frame.iloc[start : start + chunk_rows])
            written = writer.close()
        written.sort(key=lambda path: (TABLES.index(path.stem), path.suffix))
        metadata_path = folder / METADATA_FILE
        metadata_path.write_text(json.dumps(self.metadata, indent=2, sort_keys=True) + "\n")
        written.append(metadata_path)
        return written


PER_OUTLET_TABLES = ("documents", "evidence", "attributions", "removals")


def read_analysis(folder: str | os.PathLike[str], *, outlet: str | None = None) -> Analysis:
    """Load an analysis folder written by ``Analysis.write`` or ``analyze_to_folder``.

    Rows come in the order ``analyze`` gives them (``ROW_ORDER``). With ``outlet``, the
    per-article tables (``PER_OUTLET_TABLES``) hold only that outlet's rows, read with a Parquet
    filter, so one outlet's report does not load a whole large corpus; the ``outlets`` table and
    the metadata stay whole. For other selections use ``toolkit.engine.read_table``.
    """
    path = Path(folder)
    missing = [
        name
        for name in (*(f"{t}.parquet" for t in TABLES), METADATA_FILE)
        if not (path / name).exists()
    ]
    if missing:
        raise ParameterError(
            f"{path} is not a complete analysis folder: missing {', '.join(missing)}. "
            "Create one with `toolkit analyze CORPUS --out FOLDER`."
        )
    tables = {name: _read_table(path, name, outlet) for name in TABLES}
    if outlet is not None and outlet not in set(tables["outlets"]["outlet"]):
        known = sorted(str(name) for name in tables["outlets"]["outlet"])
        raise ParameterError(
            f"The 'outlet' parameter must be one of {known}. Got {outlet!r} instead."
        )
    for name, order in ROW_ORDER.items():
        frame = tables[name]
        if not frame.empty:
            tables[name] = frame.sort_values(list(order), kind="stable").reset_index(drop=True)
    metadata = json.loads((path / METADATA_FILE).read_text())
    return Analysis(**tables, metadata=metadata)


def _read_table(folder: Path, name: str, outlet: str | None) -> pd.DataFrame:
    file = folder / f"{name}.parquet"
    if outlet is None or name not in PER_OUTLET_TABLES:
        return pd.read_parquet(file)
    import pyarrow.parquet as pq

    if "outlet" not in pq.read_schema(file).names or pq.ParquetFile(file).metadata.num_rows == 0:
        return pd.read_parquet(file)
    return pd.read_parquet(file, filters=[("outlet", "==", outlet)])


CODEBOOK_PARAMETERS = {
    "hedging_codebook": "hedging",
    "framing_codebook": "framing",
    "policy_codebook": "policy",
    "conflict_codebook": "conflict",
    "labels_codebook": "labels",
    "actors_codebook": "salience",
}
"""Codebook keyword arguments of ``make_config`` and the family each one feeds."""

_PARAMETER_OF = {family: parameter for parameter, family in CODEBOOK_PARAMETERS.items()}


def resolve_codebook(codebook: CodebookLike | None, family: str) -> Codebook:
    """The built-in codebook of ``family`` when ``codebook`` is None, else the given one."""
    if codebook is None:
        return default_codebook(family)
    resolved = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    if resolved.family != family:
        parameter = _PARAMETER_OF.get(family, f"{family}_codebook")
        raise ParameterError(
            f"The '{parameter}' parameter of analyze must be a codebook of family "
            f"{family!r}. Got family {resolved.family!r} instead (from {resolved.name!r})."
        )
    return resolved


# (parameter prefix, codebook family) of each AnalysisConfig codebook, in table order.
_CONFIG_FAMILIES = (
    ("hedging", "hedging"),
    ("framing", "framing"),
    ("policy", "policy"),
    ("conflict", "conflict"),
    ("labels", "labels"),
    ("actors", "salience"),
)


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """Everything that decides what ``measure_article`` computes (picklable, hashable).

    One codebook per lexicon family: hedging, generic frames (``framing``), policy frames
    (``policy``), conflict frames (``conflict``), loaded labels (``labels``) and actors
    (``salience``). ``languages``: ISO 639-1 codes of the languages analysed; articles in
    other languages are measured and flagged (documents column ``in_scope``) but left out of
    the outlet table (``toolkit.corpus.language``).
    """

    hedging_codebook: Codebook
    framing_codebook: Codebook
    policy_codebook: Codebook
    conflict_codebook: Codebook
    labels_codebook: Codebook
    actors_codebook: Codebook
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    def __post_init__(self) -> None:
        wrong = []
        for book, (name, family) in zip(self.codebooks, _CONFIG_FAMILIES, strict=True):
            got = getattr(book, "family", type(book).__name__)
            if not isinstance(book, Codebook) or got != family:
                wrong.append(
                    f"'{name}_codebook' must be a codebook of family {family!r}, not {got!r}"
                )
        if wrong:
            raise ParameterError(f"AnalysisConfig: {'; '.join(wrong)}.")
        check_languages(self.languages)

    def for_languages(self, languages: Sequence[str]) -> AnalysisConfig:
        """This configuration analysing ``languages`` (ISO 639-1 codes, e.g. ``["en", "fr"]``)."""
        return replace(self, languages=check_languages(languages))

    @property
    def codebooks(self) -> tuple[Codebook, ...]:
        """The codebooks in use, in table order."""
        return (
            self.hedging_codebook,
            self.framing_codebook,
            self.policy_codebook,
            self.conflict_codebook,
            self.labels_codebook,
            self.actors_codebook,
        )


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article's rows for the documents, evidence and attributions tables."""

    document: dict[str, Any]
    evidence: list[dict[str, Any]]
    attributions: list[dict[str, Any]]


def make_config(
    *,
    hedging_codebook: CodebookLike | None = None,
    framing_codebook: CodebookLike | None = None,
    policy_codebook: CodebookLike | None = None,
    conflict_codebook: CodebookLike | None = None,
    labels_codebook: CodebookLike | None = None,
    actors_codebook: CodebookLike | None = None,
) -> AnalysisConfig:
    """Resolve codebook arguments (None: the built-in ones) into an ``AnalysisConfig``.

    Each argument is a ``Codebook``, a path to a codebook file of the family it feeds (see
    ``CODEBOOK_PARAMETERS``), or None for the built-in codebook. The languages analysed are
    English; ``AnalysisConfig.for_languages`` chooses others.
    """
    return AnalysisConfig(
        hedging_codebook=resolve_codebook(hedging_codebook, "hedging"),
        framing_codebook=resolve_codebook(framing_codebook, "framing"),
        policy_codebook=resolve_codebook(policy_codebook, "policy"),
        conflict_codebook=resolve_codebook(conflict_codebook, "conflict"),
        labels_codebook=resolve_codebook(labels_codebook, "labels"),
        actors_codebook=resolve_codebook(actors_codebook, "salience"),
    )


def measure_article(article: Article, config: AnalysisConfig) -> ArticleRows:
    """Run every metric family on one article; a pure function of its arguments.

    Besides the numeric values of every family, the document row holds one text column per frame
    family, ``<family>_dominant_frame`` (framing, policy, conflict): the frame with the largest
    share, "" when the article has no frame vocabulary (see ``toolkit.metrics.framing``).
    An article whose ``language`` was not identified at load time is identified here.
    """
    if not article.language:
        article = replace(article, language=identify_language(article.text))
    doc = segment(article.text)
    headline = segment(article.title)
    folded, folded_title = scan_text(doc.text), scan_text(headline.text)
    hedging_values, hedging_spans = hedging.measure_spans(
        doc, config.hedging_codebook, compile_codebook(config.hedging_codebook), folded=folded
    )
    attribution_result = attribution.measure(article, doc)
    frame_books = (config.framing_codebook, config.policy_codebook, config.conflict_codebook)
    frames = [
        framing.measure_spans(
            doc,
            headline,
            family,
            book,
            compile_codebook(book),
            folded=folded,
            folded_title=folded_title,
        )
        for book, family in zip(frame_books, framing.FRAME_FAMILIES, strict=True)
    ]
    labels_values, labels_spans = labels.measure_spans(
        doc,
        headline,
        config.labels_codebook,
        compile_codebook(config.labels_codebook),
        folded=folded,
        folded_title=folded_title,
    )
    salience_values, salience_spans = salience.measure_spans(
        doc,
        headline,
        config.actors_codebook,
        compile_codebook(config.actors_codebook),
        folded=folded,
        folded_title=folded_title,
    )
    readability_result = readability.measure(article, doc)
    sentiment_result = sentiment.measure(article, doc)

    # Evidence and document values in table order, family by family.
    sentences = _Sentences(doc)
    evidence = _evidence_rows(article, hedging.FAMILY, hedging_spans, sentences)
    evidence += _result_rows(article, attribution_result.result, sentences)
    for family, (_, spans) in zip(framing.FRAME_FAMILIES, frames, strict=True):
        evidence += _evidence_rows(article, family, spans, sentences)
    evidence += _evidence_rows(article, labels.FAMILY, labels_spans, sentences)
    evidence += _evidence_rows(article, salience.FAMILY, salience_spans, sentences)
    evidence += _result_rows(article, readability_result, sentences)
    evidence += _result_rows(article, sentiment_result, sentences)
    attributions = _attribution_rows(article, attribution_result.attributions, sentences)
    document = _document_row(
        article,
        doc,
        config.languages,
        (
            hedging_values,
            attribution_result.result.values,
            *(values for values, _ in frames),
            labels_values,
            salience_values,
            readability_result.values,
            sentiment_result.values,
        ),
    )
    for book, family, (values, _) in zip(frame_books, framing.FRAME_FAMILIES, frames, strict=True):
        document[f"{family}_dominant_frame"] = framing.dominant_frame(
            values, family, book.category_ids
        )
    return ArticleRows(document, evidence, attributions)


def analyze(
    corpus: Corpus | Iterable[Article] | str | os.PathLike[str] | None = None,
    *,
    config: AnalysisConfig | None = None,
    jobs: int = 1,
    client: Client | None = None,
    languages: Sequence[str] | None = None,
    **codebooks: CodebookLike | None,
) -> Analysis:
    """Measure every article of ``corpus`` and return the tables (held in memory).

    ``corpus`` is a loaded ``Corpus``, an iterable of ``Article``, a path to load, or None for the
    bundled sample corpus. Codebooks default to the built-in ones; a researcher's codebook file of
    the same family may be given instead (``hedging_codebook=...`` and the other keyword
    arguments of ``make_config``), or a whole ``config`` from ``make_config``.

    ``languages`` (ISO 639-1 codes, default English) are the languages whose articles enter the
    outlet table; the others are measured and flagged (``language``, ``in_scope``).

    ``jobs`` > 1 measures articles on that many processes; ``client`` (a
    ``distributed.Client``) runs them on a Dask cluster. The tables are the same either way.
    For corpora too large for memory, stream to disk with ``toolkit.engine.analyze_to_folder``.
    """
    from toolkit.engine.batch import batched, measure_batch
    from toolkit.engine.executors import make_executor

    loaded = _as_corpus(corpus)
    if config is None:
        config = make_config(**codebooks)
    elif any(value is not None for value in codebooks.values()):
        raise ParameterError(
            "Give analyze either 'config' or codebook parameters, not both: put the codebooks "
            "in make_config(...)."
        )
    if languages is not None:
        config = config.for_languages(languages)
    document_rows: list[dict[str, Any]] = []
    evidence_rows: list[dict[str, Any]] = []
    attribution_rows: list[dict[str, Any]] = []
    batch_size = 1 if jobs == 1 and client is None else _BATCH_SIZE
    with make_executor(jobs, client=client) as executor:
        batches = batched(loaded.articles, batch_size)
        for batch in executor.map_ordered(measure_batch, batches, config):
            for rows in batch.articles:
                document_rows.append(rows.document)
                evidence_rows += rows.evidence
                attribution_rows += rows.attributions
    documents, evidence, attributions = article_frames(
        document_rows, evidence_rows, attribution_rows
    )
    return Analysis(
        documents=documents.sort_values("doc_id", kind="stable").reset_index(drop=True),
        evidence=_sorted(evidence, "evidence"),
        attributions=_sorted(attributions, "attributions"),
        outlets=outlet_table(documents),
        rejected=_rejected_table(loaded.rejected),
        removals=_removals_table(loaded.articles),
        metadata=analysis_metadata(
            source=loaded.source,
            n_articles=len(loaded.articles),
            n_rejected=len(loaded.rejected),
            cleaning=(loaded.cleaning_name, loaded.cleaning_version),
            codebooks=config.codebooks,
        ),
    )


_BATCH_SIZE = 16


def article_frames(
    document_rows: list[dict[str, Any]],
    evidence_rows: list[dict[str, Any]],
    attribution_rows: list[dict[str, Any]],
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The documents, evidence and attributions frames of these rows, in the rows' order."""
    documents = pd.DataFrame(document_rows)
    if documents.empty:
        documents = pd.DataFrame(columns=[*_DOCUMENT_FIELDS, IN_SCOPE, "n_words", "n_sentences"])
    evidence = _frame(evidence_rows, _EVIDENCE_COLUMNS, list(ROW_ORDER["evidence"]))
    attributions = _frame(attribution_rows, (), list(ROW_ORDER["attributions"]))
    return documents, evidence, attributions


def _sorted(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    if frame.empty:
        return frame
    return frame.sort_values(list(ROW_ORDER[name]), kind="stable").reset_index(drop=True)


def outlet_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the documents table per outlet.

    ``_count`` columns and word/sentence totals are summed; each ``_per_1k`` rate is recomputed as
    1,000 x pooled count / pooled words (NaN when the outlet has no words); every other numeric
    column is the mean over the outlet's articles (NaN values left out; NaN when all are NaN).
    """
    return outlets_from_partials(outlet_partials(documents), list(documents.columns))


_SUM = "sum"
_NON_NULL = "non_null"


def outlet_partials(documents: pd.DataFrame) -> pd.DataFrame:
    """Per-outlet sums and non-NaN counts of every numeric column of a documents chunk.

    Partials of chunks add up (``pd.concat(parts).groupby(level=0).sum()``), so the outlet
    table of a corpus streamed in chunks needs memory for one row per outlet only. Articles
    out of scope (``in_scope`` False: not in the languages analysed) are left out.
    """
    if IN_SCOPE in documents.columns:
        documents = documents[documents[IN_SCOPE].astype(bool)]
    numeric = [
        column
        for column in documents.columns
        if column not in (*_DOCUMENT_FIELDS, IN_SCOPE)
        and pd.api.types.is_numeric_dtype(documents[column])
    ]
    grouped = documents.groupby("outlet", sort=True)
    sums = grouped[numeric].sum()
    counts = grouped[numeric].count()
    partial = pd.concat({_SUM: sums, _NON_NULL: counts}, axis=1)
    partial.insert(0, ("n_articles", ""), grouped.size())
    return partial


def outlets_from_partials(partials: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The outlet table (see ``outlet_table``) from summed ``outlet_partials``.

    ``columns`` are the documents table's columns, which set the column order.
    """
    if partials.empty:
        return pd.DataFrame(columns=["outlet", "n_articles", "n_words", "n_sentences"])
    sums = partials[_SUM]
    numeric = list(sums.columns)
    summed = [c for c in numeric if c.endswith("_count") or c in ("n_words", "n_sentences")]
    means = sums / partials[_NON_NULL].where(partials[_NON_NULL] > 0)
    words = sums["n_words"].where(sums["n_words"] > 0) if "n_words" in sums else None
    built: dict[str, pd.Series] = {"n_articles": partials[("n_articles", "")]}
    for column in numeric:
        count = column.removesuffix("_per_1k") + "_count"
        if column in summed:
            built[column] = sums[column]
        elif column.endswith("_per_1k") and count in summed and words is not None:
            built[column] = 1000.0 * sums[count] / words
        else:
            built[column] = means[column]
    table = pd.DataFrame(built)
    ordered = ["n_articles", "n_words", "n_sentences"]
    ordered += [c for c in columns if c in table.columns and c not in ordered]
    table.index.name = "outlet"
    return table[ordered].reset_index()


def _as_corpus(corpus: Corpus | Iterable[Article] | str | os.PathLike[str] | None) -> Corpus:
    if corpus is None or isinstance(corpus, str | os.PathLike):
        return load_corpus(corpus)
    if isinstance(corpus, Corpus):
        return corpus
    articles = tuple(corpus)
    wrong = [type(item).__name__ for item in articles if not isinstance(item, Article)]
    if wrong:
        raise ParameterError(
            "The 'corpus' parameter of analyze must be a Corpus, an iterable of Article, a path "
            f"or None. Got an iterable holding {sorted(set(wrong))} instead."
        )
    return Corpus(articles=articles, rejected=(), source="<articles>")


def _document_row(
    article: Article,
    doc: Segmented,
    languages: Sequence[str],
    results: Sequence[Mapping[str, float]],
) -> dict[str, Any]:
    """The documents row of ``article`` from the ``values`` of every family, in table order."""
    row: dict[str, Any] = {field: getattr(article, field) for field in _DOCUMENT_FIELDS}
    row[IN_SCOPE] = in_scope(article.language, languages)
    row["n_words"] = doc.n_words
    row["n_sentences"] = doc.n_sentences
    for values in results:
        row.update(zip(values.keys(), map(float, values.values()), strict=True))
    return row


class _Sentences:
    """The sentences of a segmented text, for rows that quote the sentence of an offset."""

    __slots__ = ("starts", "table")

    def __init__(self, doc: Segmented) -> None:
        spans = doc.sentences
        self.starts = [span.start for span in spans]
        # table[bisect_right(starts, offset)] is the sentence Segmented.sentence_index(offset)
        # names: table[i + 1] is sentence i, and table[0] repeats sentence 0 for offsets before
        # it (or is (0, "") when there are no sentences).
        table = [(span.start, doc.text[span.start : span.end]) for span in spans]
        self.table = [table[0] if table else (0, ""), *table]

    def of(self, offset: int) -> tuple[int, str]:
        """(start, text) of the sentence that holds ``offset``; (0, "") without sentences."""
        return self.table[bisect_right(self.starts, offset)]


def _evidence_rows(
    article: Article, family: str, spans: Iterable[EvidenceTuple], sentences: _Sentences
) -> list[dict[str, Any]]:
    """Evidence rows of one family's ``(category, rule, start, end, text, weight)`` tuples."""
    doc_id, outlet = article.doc_id, article.outlet
    starts, table = sentences.starts, sentences.table
    rows: list[dict[str, Any]] = []
    append = rows.append
    for category, rule, start, end, text, weight in spans:
        sentence_start, sentence = table[bisect_right(starts, start)]
        append(
            {
                "doc_id": doc_id,
                "outlet": outlet,
                "family": family,
                "category": category,
                "rule": rule,
                "cue": text,
                "start": start,
                "end": end,
                "weight": weight,
                "sentence": sentence,
                "sentence_start": sentence_start,
            }
        )
    return rows


def _result_rows(
    article: Article, result: FamilyResult, sentences: _Sentences
) -> list[dict[str, Any]]:
    """Evidence rows of a family that returns ``Evidence`` records."""
    spans = (
        (item.category, item.rule, item.start, item.end, item.text, item.weight)
        for item in result.evidence
    )
    return _evidence_rows(article, result.family, spans, sentences)


_ATTRIBUTION_FIELDS = tuple(field.name for field in fields(Attribution))
_read_attribution = attrgetter(*_ATTRIBUTION_FIELDS)


def _attribution_rows(
    article: Article, records: Sequence[Attribution], sentences: _Sentences
) -> list[dict[str, Any]]:
    """One row per attribution record: its fields (all scalars, as ``asdict`` gives them)."""
    rows: list[dict[str, Any]] = []
    for record in records:
        row: dict[str, Any] = {"doc_id": article.doc_id, "outlet": article.outlet}
        row.update(zip(_ATTRIBUTION_FIELDS, _read_attribution(record), strict=True))
        row["sentence"] = sentences.of(record.start)[1]
        rows.append(row)
    return rows


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], order: list[str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame(columns=list(columns) or order)
    frame = pd.DataFrame(rows)
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


def _rejected_table(rejected: Sequence[Rejection]) -> pd.DataFrame:
    rows = [{column: getattr(item, column) for column in _REJECTED_COLUMNS} for item in rejected]
    return pd.DataFrame(rows, columns=list(_REJECTED_COLUMNS)).astype("object")


def _removals_table(articles: Sequence[Article]) -> pd.DataFrame:
    rows = [row for article in articles for row in removal_rows(article)]
    return pd.DataFrame(rows, columns=list(REMOVAL_COLUMNS))


def removal_rows(article: Article) -> list[dict[str, Any]]:
    """One row per span cleaning removed from ``article`` (offsets into its original text)."""
    return [
        {
            "doc_id": article.doc_id,
            "outlet": article.outlet,
            "rule": removal.rule,
            "start": removal.start,
            "end": removal.end,
            "text": removal.text,
        }
        for removal in article.removals
    ]


def analysis_metadata(
    *,
    source: str,
    n_articles: int,
    n_rejected: int,
    cleaning: tuple[str, str],
    codebooks: Sequence[Codebook],
) -> dict[str, Any]:
    """The ``metadata`` of an analysis: versions of the toolkit and of every codebook used.

    ``cleaning`` is the (name, version) of the cleaning rules applied to the corpus.
    """
    lexicon = attribution.load_lexicon()
    return {
        "toolkit_version": __version__,
        "corpus": _portable_source(source),
        "n_articles": n_articles,
        "n_rejected": n_rejected,
        "codebooks": [
            *({"name": b.name, "version": b.version, "family": b.family} for b in codebooks),
            {"name": lexicon.name, "version": lexicon.version, "family": "attribution"},
            {"name": cleaning[0], "version": cleaning[1], "family": "cleaning"},
        ],
    }


def _portable_source(source: str) -> str:
    """The corpus source without machine-specific absolute paths (for byte-identical reruns)."""
    return Path(source).name if Path(source).is_absolute() else source
