"""Run every metric family over a corpus and gather tidy tables.

``analyze`` turns a corpus into five tables (documents, evidence, attributions, outlets,
rejected) plus ``removals`` (what cleaning cut from each article). ``Analysis.write`` saves them as
CSV and Parquet with an ``analysis.json`` that records the toolkit and codebook versions used;
``read_analysis`` loads such a folder back.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit import __version__
from toolkit.codebooks import Codebook, builtin_codebook, load_codebook
from toolkit.corpus import Corpus, load_corpus
from toolkit.corpus.article import Article, Rejection
from toolkit.errors import ParameterError
from toolkit.metrics import attribution, framing, hedging, readability, sentiment
from toolkit.metrics.base import Evidence, FamilyResult
from toolkit.text import Segmented, segment

TABLES = ("documents", "evidence", "attributions", "outlets", "rejected", "removals")
METADATA_FILE = "analysis.json"

_DOCUMENT_FIELDS = ("doc_id", "outlet", "title", "date", "url", "location")
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
_REMOVAL_COLUMNS = ("doc_id", "outlet", "rule", "start", "end", "text")

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

    def write(self, out_dir: str | os.PathLike[str]) -> list[Path]:
        """Write every table as CSV and Parquet plus ``analysis.json``; return the files written."""
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for name in TABLES:
            frame = self.table(name)
            csv_path = folder / f"{name}.csv"
            frame.to_csv(csv_path, index=False, lineterminator="\n")
            parquet_path = folder / f"{name}.parquet"
            frame.to_parquet(parquet_path, index=False)
            written += [csv_path, parquet_path]
        metadata_path = folder / METADATA_FILE
        metadata_path.write_text(json.dumps(self.metadata, indent=2, sort_keys=True) + "\n")
        written.append(metadata_path)
        return written


def read_analysis(folder: str | os.PathLike[str]) -> Analysis:
    """Load an analysis folder written by ``Analysis.write``."""
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
    tables = {name: pd.read_parquet(path / f"{name}.parquet") for name in TABLES}
    metadata = json.loads((path / METADATA_FILE).read_text())
    return Analysis(**tables, metadata=metadata)


def resolve_codebook(codebook: CodebookLike | None, family: str) -> Codebook:
    """The built-in codebook of ``family`` when ``codebook`` is None, else the given one."""
    if codebook is None:
        return builtin_codebook(family)
    resolved = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    if resolved.family != family:
        raise ParameterError(
            f"The '{family}_codebook' parameter of analyze must be a codebook of family "
            f"{family!r}. Got family {resolved.family!r} instead (from {resolved.name!r})."
        )
    return resolved


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """Everything that decides what ``measure_article`` computes (picklable, hashable)."""

    hedging_codebook: Codebook
    framing_codebook: Codebook

    @property
    def codebooks(self) -> tuple[Codebook, ...]:
        """The codebooks in use, in table order."""
        return (self.hedging_codebook, self.framing_codebook)


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
) -> AnalysisConfig:
    """Resolve codebook arguments (None: the built-in ones) into an ``AnalysisConfig``."""
    return AnalysisConfig(
        hedging_codebook=resolve_codebook(hedging_codebook, "hedging"),
        framing_codebook=resolve_codebook(framing_codebook, "framing"),
    )


def measure_article(article: Article, config: AnalysisConfig) -> ArticleRows:
    """Run every metric family on one article; a pure function of its arguments."""
    doc = segment(article.text)
    attribution_result = attribution.measure(article, doc)
    results: Sequence[FamilyResult] = (
        hedging.measure(article, doc, config.hedging_codebook),
        attribution_result.result,
        framing.measure(article, doc, config.framing_codebook),
        readability.measure(article, doc),
        sentiment.measure(article, doc),
    )
    evidence = [_evidence_row(article, doc, item) for r in results for item in r.evidence]
    attributions = []
    for record in attribution_result.attributions:
        row = {"doc_id": article.doc_id, "outlet": article.outlet, **asdict(record)}
        row["sentence"] = doc.sentence_text(record.start)
        attributions.append(row)
    return ArticleRows(_document_row(article, doc, results), evidence, attributions)


def analyze(
    corpus: Corpus | Iterable[Article] | str | os.PathLike[str] | None = None,
    *,
    hedging_codebook: CodebookLike | None = None,
    framing_codebook: CodebookLike | None = None,
) -> Analysis:
    """Measure every article of ``corpus`` and return the tables.

    ``corpus`` is a loaded ``Corpus``, an iterable of ``Article``, a path to load, or None for the
    bundled sample corpus. Codebooks default to the built-in ones; a researcher's codebook file of
    the same family may be given instead.
    """
    loaded = _as_corpus(corpus)
    config = make_config(hedging_codebook=hedging_codebook, framing_codebook=framing_codebook)
    document_rows: list[dict[str, Any]] = []
    evidence_rows: list[dict[str, Any]] = []
    attribution_rows: list[dict[str, Any]] = []
    for article in loaded.articles:
        rows = measure_article(article, config)
        document_rows.append(rows.document)
        evidence_rows += rows.evidence
        attribution_rows += rows.attributions

    documents = pd.DataFrame(document_rows)
    if documents.empty:
        documents = pd.DataFrame(columns=[*_DOCUMENT_FIELDS, "n_words", "n_sentences"])
    evidence = _frame(
        evidence_rows, _EVIDENCE_COLUMNS, ["doc_id", "start", "end", "family", "rule"]
    )
    attributions = _frame(attribution_rows, (), ["doc_id", "start", "end"])
    return Analysis(
        documents=documents.sort_values("doc_id", kind="stable").reset_index(drop=True),
        evidence=evidence,
        attributions=attributions,
        outlets=outlet_table(documents),
        rejected=_rejected_table(loaded.rejected),
        removals=_removals_table(loaded.articles),
        metadata=_metadata(loaded, config.codebooks),
    )


def outlet_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the documents table per outlet.

    ``_count`` columns and word/sentence totals are summed; each ``_per_1k`` rate is recomputed as
    1,000 x pooled count / pooled words (NaN when the outlet has no words); every other numeric
    column is the mean over the outlet's articles.
    """
    if documents.empty:
        return pd.DataFrame(columns=["outlet", "n_articles", "n_words", "n_sentences"])
    numeric = [
        column
        for column in documents.columns
        if column not in _DOCUMENT_FIELDS and pd.api.types.is_numeric_dtype(documents[column])
    ]
    summed = [c for c in numeric if c.endswith("_count") or c in ("n_words", "n_sentences")]
    rates = [c for c in numeric if c.endswith("_per_1k")]
    averaged = [c for c in numeric if c not in summed and c not in rates]
    grouped = documents.groupby("outlet", sort=True)
    table = grouped[summed].sum()
    table.insert(0, "n_articles", grouped.size())
    for rate in rates:
        count = rate.removesuffix("_per_1k") + "_count"
        if count in table.columns:
            words = table["n_words"].where(table["n_words"] > 0)
            table[rate] = 1000.0 * table[count] / words
        else:
            table[rate] = grouped[rate].mean()
    for column in averaged:
        table[column] = grouped[column].mean()
    ordered = ["n_articles", "n_words", "n_sentences"]
    ordered += [c for c in documents.columns if c in table.columns and c not in ordered]
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
    article: Article, doc: Segmented, results: Sequence[FamilyResult]
) -> dict[str, Any]:
    row: dict[str, Any] = {field: getattr(article, field) for field in _DOCUMENT_FIELDS}
    row["n_words"] = doc.n_words
    row["n_sentences"] = doc.n_sentences
    for result in results:
        row.update({key: float(value) for key, value in result.values.items()})
    return row


def _evidence_row(article: Article, doc: Segmented, item: Evidence) -> dict[str, Any]:
    sentence_start = doc.sentences[doc.sentence_index(item.start)].start if doc.sentences else 0
    return {
        "doc_id": item.doc_id,
        "outlet": article.outlet,
        "family": item.family,
        "category": item.category,
        "rule": item.rule,
        "cue": item.text,
        "start": item.start,
        "end": item.end,
        "weight": item.weight,
        "sentence": doc.sentence_text(item.start),
        "sentence_start": sentence_start,
    }


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], order: list[str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame(columns=list(columns) or order)
    frame = pd.DataFrame(rows)
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


def _rejected_table(rejected: Sequence[Rejection]) -> pd.DataFrame:
    rows = [{column: getattr(item, column) for column in _REJECTED_COLUMNS} for item in rejected]
    return pd.DataFrame(rows, columns=list(_REJECTED_COLUMNS)).astype("object")


def _removals_table(articles: Sequence[Article]) -> pd.DataFrame:
    rows = [
        {
            "doc_id": article.doc_id,
            "outlet": article.outlet,
            "rule": removal.rule,
            "start": removal.start,
            "end": removal.end,
            "text": removal.text,
        }
        for article in articles
        for removal in article.removals
    ]
    return pd.DataFrame(rows, columns=list(_REMOVAL_COLUMNS))


def _metadata(corpus: Corpus, codebooks: Sequence[Codebook]) -> dict[str, Any]:
    lexicon = attribution.load_lexicon()
    return {
        "toolkit_version": __version__,
        "corpus": _portable_source(corpus.source),
        "n_articles": len(corpus.articles),
        "n_rejected": len(corpus.rejected),
        "codebooks": [
            *({"name": b.name, "version": b.version, "family": b.family} for b in codebooks),
            {"name": lexicon.name, "version": lexicon.version, "family": "attribution"},
            {
                "name": corpus.cleaning_name,
                "version": corpus.cleaning_version,
                "family": "cleaning",
            },
        ],
    }


def _portable_source(source: str) -> str:
    """The corpus source without machine-specific absolute paths (for byte-identical reruns)."""
    return Path(source).name if Path(source).is_absolute() else source
