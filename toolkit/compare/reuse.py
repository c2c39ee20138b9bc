"""Text reuse across outlets: sentences shared or lightly rewritten (common wire copy).

Each sentence of at least ``min_words`` words becomes the set of its word ``shingle``-grams
(lower case). The default, ``shingle=1``, is the set of its content words (function words
dropped), which also finds paraphrases ("President Joe Biden conveyed to Prime Minister Benjamin
Netanyahu that the United States would refrain from ..." and "President Joe Biden informed
Israeli Prime Minister Benjamin Netanyahu that the United States would not participate ..."
share 35% of their content words); ``shingle=3`` with ``threshold=0.5`` finds copied wire text
only. Identical sets are grouped first; each distinct set gets a MinHash signature
(Broder 1997) and the signatures are cut into bands for locality-sensitive hashing (Leskovec,
Rajaraman & Ullman, *Mining of Massive Datasets*, 3rd ed., ch. 3.4), so only sets that agree on
a whole band become candidate pairs; each candidate's exact Jaccard similarity is then checked
against ``threshold``. The band count and width minimise the weighted false-positive and
false-negative probabilities at the threshold, as ``datasketch.MinHashLSH`` chooses them.
Signatures and bands are computed with numpy over the whole corpus at once (the per-sentence
calls of ``datasketch`` cost about 0.5 ms a sentence, twenty minutes for the AllSides corpus);
the work grows about linearly with the number of sentences, not with its square.

Outputs (all sorted, all reproducible: MinHash permutations come from a fixed ``seed``):

* ``aligned_sentences`` - for every sentence and every *other* outlet that has a matching
  sentence, its best match there (highest Jaccard, then first in document order);
* ``reuse_matrix`` - share of outlet A's words (rows) in sentences that match outlet B (columns);
  not symmetric, the diagonal is NaN;
* ``reuse_shares`` - per outlet, the share of its words in sentences found in any other outlet.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.compare.texts import require_columns, tokens
from toolkit.compare.wordlists import word_lists
from toolkit.errors import ParameterError

ALIGNED_COLUMNS = (
    "outlet",
    "doc_id",
    "sentence_id",
    "sentence",
    "other_outlet",
    "other_doc_id",
    "other_sentence_id",
    "other_sentence",
    "jaccard",
    "n_words",
)


@dataclass(frozen=True, slots=True)
class ReuseSettings:
    """Shingle length (words), Jaccard threshold, shortest sentence, MinHash size, seed, and
    the most candidate pairs (counted per band, before removing repeats) to examine."""

    shingle: int = 1
    threshold: float = 0.3
    min_words: int = 8
    num_perm: int = 64
    seed: int = 1
    max_candidates: int = 20_000_000  # stop with an error rather than exhaust memory

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ParameterError(f"The 'threshold' must be in (0, 1]. Got {self.threshold}.")
        if self.shingle < 1 or self.min_words < self.shingle:
            raise ParameterError(
                "The 'shingle' must be >= 1 and 'min_words' >= 'shingle'. "
                f"Got shingle={self.shingle}, min_words={self.min_words}."
            )


PARAPHRASE_LIMIT = 50_000
"""Most sentences for which ``reuse_settings_for`` looks for paraphrase (shared words)."""


def reuse_settings_for(sentences: pd.DataFrame) -> ReuseSettings:
    """Settings that suit the size of the comparison.

    Up to ``PARAPHRASE_LIMIT`` sentences (one event's coverage): shared content words with a
    Jaccard similarity of at least 0.3, which finds paraphrase. Above it (a whole corpus of
    unrelated stories, where common words make paraphrase candidates explode): three-word
    sequences at 0.5, which finds copied wire text.
    """
    if len(sentences) <= PARAPHRASE_LIMIT:
        return ReuseSettings()
    return ReuseSettings(shingle=3, threshold=0.5)


def describe_settings(settings: ReuseSettings) -> str:
    """One sentence saying what the settings look for, for a report."""
    unit = "content words" if settings.shingle == 1 else f"{settings.shingle}-word sequences"
    kind = "shared or paraphrased passages" if settings.shingle == 1 else "copied text"
    return (
        f"Looking for {kind}: sentences of at least {settings.min_words} words whose "
        f"{unit} have a Jaccard similarity of at least {settings.threshold}."
    )


def aligned_sentences(
    sentences: pd.DataFrame, settings: ReuseSettings | None = None
) -> pd.DataFrame:
    """Sentence alignments across outlets (see the module docstring); one row per sentence and
    matching other outlet, sorted by outlet, doc_id, sentence_id and other outlet."""
    config = settings or ReuseSettings()
    require_columns(
        sentences, ("doc_id", "outlet", "sentence_id", "sentence", "n_words"), "sentences"
    )
    table = sentences.reset_index(drop=True)
    keys, shingle_sets = _shingle_groups(table["sentence"].astype(str).tolist(), config)
    edges = _similar_groups(shingle_sets, config)
    members: dict[int, list[int]] = defaultdict(list)
    for row, key in enumerate(keys):
        if key >= 0:
            members[key].append(row)
    outlets = table["outlet"].astype(str).to_numpy()
    # The first sentence (in table order) of each outlet in each group stands for that outlet.
    first_of: dict[int, dict[str, int]] = {}
    for key, rows in members.items():
        firsts: dict[str, int] = {}
        for row in rows:
            firsts.setdefault(outlets[row], row)
        first_of[key] = firsts
    neighbours: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b, similarity in edges:
        neighbours[a].append((b, similarity))
        neighbours[b].append((a, similarity))
    records: list[tuple[int, int, float]] = []
    for key, rows in members.items():
        candidates = [(key, 1.0), *neighbours.get(key, [])]
        best: dict[str, tuple[float, int]] = {}
        for other_key, similarity in candidates:
            for other_outlet, other_row in first_of[other_key].items():
                current = best.get(other_outlet)
                if current is None or (-similarity, other_row) < (-current[0], current[1]):
                    best[other_outlet] = (similarity, other_row)
        for row in rows:
            for other_outlet, (similarity, other_row) in best.items():
                if other_outlet != outlets[row]:
                    records.append((row, other_row, similarity))
    return _aligned_frame(table, records)


def reuse_matrix(sentences: pd.DataFrame, aligned: pd.DataFrame) -> pd.DataFrame:
    """Share of each outlet's words (rows) in sentences matched in another outlet (columns).

    Words count from ``sentences`` (all of an outlet's sentences, short ones included); the
    diagonal is NaN. Outlets are sorted.
    """
    require_columns(sentences, ("outlet", "n_words"), "sentences")
    outlets = sorted(sentences["outlet"].astype(str).unique())
    totals = sentences.groupby("outlet")["n_words"].sum()
    matched = aligned.groupby(["outlet", "other_outlet"])["n_words"].sum()
    matrix = pd.DataFrame(np.nan, index=pd.Index(outlets, name="outlet"), columns=outlets)
    for a in outlets:
        for b in outlets:
            if a != b:
                words = float(matched.get((a, b), 0))
                matrix.loc[a, b] = words / totals[a] if totals[a] > 0 else np.nan
    return matrix


def reuse_shares(sentences: pd.DataFrame, aligned: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: words, reused_words (in sentences found in any other outlet), share, and the
    number of sentences reused; sorted by outlet. ``share`` is NaN for an outlet without words."""
    require_columns(sentences, ("outlet", "doc_id", "sentence_id", "n_words"), "sentences")
    totals = sentences.groupby("outlet")["n_words"].sum()
    reused = aligned.drop_duplicates(["outlet", "doc_id", "sentence_id"])
    reused_words = reused.groupby("outlet")["n_words"].sum()
    reused_count = reused.groupby("outlet").size()
    table = pd.DataFrame({"words": totals})
    table["reused_words"] = reused_words.reindex(table.index, fill_value=0)
    table["reused_sentences"] = reused_count.reindex(table.index, fill_value=0)
    table["share"] = table["reused_words"] / table["words"].where(table["words"] > 0)
    table.index.name = "outlet"
    return table.reset_index().sort_values("outlet", kind="stable").reset_index(drop=True)


def _shingle_groups(
    sentences: list[str], config: ReuseSettings
) -> tuple[list[int], list[frozenset[str]]]:
    """Group key per sentence (-1: too short) and the distinct shingle sets, in order seen."""
    index: dict[frozenset[str], int] = {}
    keys: list[int] = []
    stop = word_lists().function_words if config.shingle == 1 else frozenset()
    for sentence in sentences:
        words = tokens(sentence)
        if len(words) < config.min_words:
            keys.append(-1)
            continue
        words = [word for word in words if word not in stop]
        if not words:
            keys.append(-1)
            continue
        n = config.shingle
        shingles = frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        keys.append(index.setdefault(shingles, len(index)))
    return keys, list(index)


def _similar_groups(
    shingle_sets: list[frozenset[str]], config: ReuseSettings
) -> list[tuple[int, int, float]]:
    """Pairs of distinct shingle sets with Jaccard >= threshold: MinHash LSH, then exact check."""
    if len(shingle_sets) < 2:
        return []
    signatures = _signatures(shingle_sets, config.num_perm, config.seed)
    bands, rows = lsh_parameters(config.threshold, config.num_perm)
    n_sets = len(shingle_sets)
    found: list[np.ndarray] = []
    total = 0
    for band in range(bands):
        block = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        band_values = block.view(np.dtype((np.void, block.shape[1] * 8))).ravel()
        keys = pd.factorize(pd.Series(band_values))[0]
        counts = np.bincount(keys)
        shared = np.flatnonzero(counts[keys] > 1)  # sets whose band another set shares
        order = shared[np.argsort(keys[shared], kind="stable")]
        bounds = np.flatnonzero(np.diff(keys[order])) + 1
        for bucket in np.split(order, bounds) if len(order) else []:
            first, second = np.triu_indices(len(bucket), k=1)
            low = np.minimum(bucket[first], bucket[second]).astype(np.int64)
            high = np.maximum(bucket[first], bucket[second]).astype(np.int64)
            found.append(low * n_sets + high)
            total += len(low)
            if total > config.max_candidates:
                raise ParameterError(
                    f"Text reuse found over {config.max_candidates:,} candidate sentence pairs: "
                    "the sentences share too many common words for this threshold. Use "
                    "ReuseSettings(shingle=3, threshold=0.5) to look for copied text, or raise "
                    "'max_candidates' if memory allows (16 bytes a pair)."
                )
    codes = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    candidates = zip((codes // n_sets).tolist(), (codes % n_sets).tolist(), strict=True)
    edges = []
    for a, b in candidates:
        first, second = shingle_sets[a], shingle_sets[b]
        similarity = len(first & second) / len(first | second)
        if similarity >= config.threshold:
            edges.append((a, b, similarity))
    return edges


_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def _signatures(shingle_sets: list[frozenset[str]], num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures (sets x num_perm): min over a set's shingles of (a*h + b) mod p, with
    h a stable 32-bit hash (CRC-32) of the shingle and (a, b) drawn from ``seed``."""
    vocabulary: dict[str, int] = {}
    flat: list[int] = []
    offsets = np.empty(len(shingle_sets), dtype=np.int64)
    for index, shingles in enumerate(shingle_sets):
        offsets[index] = len(flat)
        for shingle in shingles:
            value = vocabulary.get(shingle)
            if value is None:
                value = vocabulary[shingle] = zlib.crc32(shingle.encode("utf-8"))
            flat.append(value)
    hashes = np.asarray(flat, dtype=np.uint64)
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 32, size=num_perm, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64)
    signatures = np.empty((len(shingle_sets), num_perm), dtype=np.uint64)
    for k in range(num_perm):
        values = ((a[k] * hashes + b[k]) % _PRIME) & _MAX_HASH
        signatures[:, k] = np.minimum.reduceat(values, offsets)
    return signatures


def lsh_parameters(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band (bands x rows <= num_perm) that minimise the false-positive
    plus false-negative probability at ``threshold`` (equal weights), integrated numerically
    over the S-curve 1 - (1 - s^r)^b."""
    grid = np.linspace(0.0, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            probability = 1 - (1 - grid**rows) ** bands
            below, above = grid <= threshold, grid >= threshold
            false_positive = float(np.trapezoid(probability[below], grid[below]))
            false_negative = float(np.trapezoid(1 - probability[above], grid[above]))
            error = 0.5 * false_positive + 0.5 * false_negative
            if best is None or error < best[0] - 1e-12:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


def _aligned_frame(table: pd.DataFrame, records: list[tuple[int, int, float]]) -> pd.DataFrame:
    if not records:
        return pd.DataFrame(columns=list(ALIGNED_COLUMNS))
    rows, others, similarity = (np.array(column) for column in zip(*records, strict=True))
    left = table.iloc[rows].reset_index(drop=True)
    right = table.iloc[others].reset_index(drop=True)
    frame = pd.DataFrame(
        {
            "outlet": left["outlet"].astype(str),
            "doc_id": left["doc_id"].astype(str),
            "sentence_id": left["sentence_id"].astype("int64"),
            "sentence": left["sentence"].astype(str),
            "other_outlet": right["outlet"].astype(str),
            "other_doc_id": right["doc_id"].astype(str),
            "other_sentence_id": right["sentence_id"].astype("int64"),
            "other_sentence": right["sentence"].astype(str),
            "jaccard": similarity.astype(float),
            "n_words": left["n_words"].astype("int64"),
        }
    )
    return frame.sort_values(
        ["outlet", "doc_id", "sentence_id", "other_outlet"], kind="stable"
    ).reset_index(drop=True)
