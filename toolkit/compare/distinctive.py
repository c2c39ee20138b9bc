"""Distinctive words and phrases per outlet: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", Political Analysis 16(4), section 3.5. For a
term w, an outlet i and a comparison group j (the other outlets pooled, or one other outlet)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

where y are term counts, n total counts and the prior a_w = a_0 * (share of w in the whole
corpus). Positive z: the outlet uses w more than the comparison group, beyond what chance and
the term's overall frequency explain; |z| > 1.96 is the usual reading of "distinctive". The
prior mass a_0 defaults to the corpus size (the prior counts are then the corpus counts, as in
Monroe et al.'s application); smaller values shrink less.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from toolkit.compare.texts import require_columns
from toolkit.compare.wordlists import word_lists
from toolkit.errors import ParameterError
from toolkit.text import word_spans

DISTINCTIVE_COLUMNS = (
    "outlet",
    "compared_with",
    "term",
    "count",
    "other_count",
    "delta",
    "se",
    "z",
    "rank",
)
REST = "other outlets"


def term_counts(
    texts: pd.DataFrame,
    *,
    max_n: int = 2,
    min_count: int = 2,
    drop_function_words: bool = True,
) -> pd.DataFrame:
    """Counts of words and phrases (n-grams up to ``max_n`` words) per outlet.

    A wide table: one row per term (lower case, sorted), one integer column per outlet (sorted).
    Terms seen fewer than ``min_count`` times in the whole corpus are left out. With
    ``drop_function_words``, function words (``toolkit/data/compare.yaml``) are not counted as
    words and no phrase starts or ends with one ("the white house" becomes "white house").
    Phrases never cross a sentence-ending line break.
    """
    require_columns(texts, ("outlet", "text"), "texts")
    if max_n < 1 or min_count < 1:
        raise ParameterError(
            f"The 'max_n' and 'min_count' parameters must be >= 1. Got {max_n}, {min_count}."
        )
    stop = word_lists().function_words if drop_function_words else frozenset()
    per_outlet: dict[str, Counter[str]] = {}
    for outlet, group in texts.groupby("outlet", sort=True):
        counter: Counter[str] = Counter()
        for text in group["text"]:
            for line in str(text).splitlines():
                counter.update(_terms(_words(line), max_n, stop))
        per_outlet[str(outlet)] = counter
    total: Counter[str] = Counter()
    for counter in per_outlet.values():
        total.update(counter)
    kept = sorted(term for term, n in total.items() if n >= min_count)
    table = pd.DataFrame(
        {
            outlet: np.fromiter((c.get(t, 0) for t in kept), dtype=np.int64, count=len(kept))
            for outlet, c in per_outlet.items()
        },
        index=pd.Index(kept, name="term"),
    )
    return table


def log_odds(
    counts: pd.DataFrame,
    *,
    comparison: str = "one_vs_rest",
    prior_mass: float | None = None,
    top: int | None = 20,
    pairs: Sequence[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """Log-odds ratios with an informative Dirichlet prior, as tidy rows.

    ``comparison`` is ``"one_vs_rest"`` (each outlet against all others pooled; ``compared_with``
    reads "other outlets") or ``"pairwise"`` (every ordered pair, or only ``pairs``). ``top``
    keeps, per outlet and comparison, the ``top`` terms with the highest z (the outlet's most
    distinctive terms; its lowest-z terms appear as the other side's in pairwise tables); None
    keeps every term. Rows are sorted by outlet, comparison and rank (1 = most distinctive).
    """
    if comparison not in ("one_vs_rest", "pairwise"):
        raise ParameterError(
            "The 'comparison' parameter of log_odds must be one of {'one_vs_rest', 'pairwise'}. "
            f"Got {comparison!r} instead."
        )
    outlets = [str(c) for c in counts.columns]
    if len(outlets) < 2:
        raise ParameterError(f"log_odds needs at least two outlets. Got {outlets}.")
    matrix = counts.to_numpy(dtype=float)
    corpus = matrix.sum(axis=1)
    mass = float(corpus.sum()) if prior_mass is None else float(prior_mass)
    if mass <= 0:
        raise ParameterError(f"The 'prior_mass' parameter must be > 0. Got {prior_mass!r}.")
    prior = mass * corpus / corpus.sum()
    terms = counts.index.to_numpy()
    frames: list[pd.DataFrame] = []
    if comparison == "one_vs_rest":
        for index, outlet in enumerate(outlets):
            mine = matrix[:, index]
            frames.append(_compare(terms, mine, corpus - mine, prior, mass, outlet, REST, top))
    else:
        wanted = list(pairs) if pairs is not None else list(itertools.permutations(outlets, 2))
        unknown = sorted({o for pair in wanted for o in pair} - set(outlets))
        if unknown:
            raise ParameterError(
                f"The 'pairs' parameter names outlets {unknown} not among {outlets}."
            )
        for a, b in wanted:
            mine, theirs = matrix[:, outlets.index(a)], matrix[:, outlets.index(b)]
            frames.append(_compare(terms, mine, theirs, prior, mass, a, b, top))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    table = table.reindex(columns=list(DISTINCTIVE_COLUMNS))
    return table.sort_values(["outlet", "compared_with", "rank"], kind="stable").reset_index(
        drop=True
    )


def _compare(
    terms: np.ndarray,
    mine: np.ndarray,
    theirs: np.ndarray,
    prior: np.ndarray,
    mass: float,
    outlet: str,
    other: str,
    top: int | None,
) -> pd.DataFrame:
    n_mine, n_theirs = mine.sum(), theirs.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((mine + prior) / (n_mine + mass - mine - prior)) - np.log(
            (theirs + prior) / (n_theirs + mass - theirs - prior)
        )
        se = np.sqrt(1.0 / (mine + prior) + 1.0 / (theirs + prior))
        z = delta / se
    present = mine > 0
    order = np.lexsort((terms[present], -z[present]))
    picked = np.flatnonzero(present)[order]
    if top is not None:
        picked = picked[:top]
    return pd.DataFrame(
        {
            "outlet": outlet,
            "compared_with": other,
            "term": terms[picked],
            "count": mine[picked].astype(np.int64),
            "other_count": theirs[picked].astype(np.int64),
            "delta": delta[picked],
            "se": se[picked],
            "z": z[picked],
            "rank": np.arange(1, len(picked) + 1),
        }
    )


def _words(text: str) -> list[str]:
    return [text[span.start : span.end].lower().replace("\u2019", "'") for span in word_spans(text)]


def _terms(words: Sequence[str], max_n: int, stop: frozenset[str]) -> Iterable[str]:
    for n in range(1, max_n + 1):
        for index in range(len(words) - n + 1):
            first, last = words[index], words[index + n - 1]
            if first in stop or last in stop:
                continue
            yield " ".join(words[index : index + n])
