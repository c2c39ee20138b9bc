"""Do outlets differ in a rate? Poisson regression with the words as exposure, and contrasts.

For each measure, the per-document counts are modelled as Poisson with mean
``words x exp(outlet effect + story effect)`` (a log-linear model with a log(words) offset,
McCullagh & Nelder 1989, sec. 6.2.3), fitted with ``statsmodels`` GLM. Outlets are fixed
effects; when the table has a story column (``event``, else ``topic``; see ``adjust_for``) the
story is a fixed effect too, so that an outlet that covers more hedge-prone stories is not read
as an outlet that hedges more. The ``adjustment`` column names the column adjusted for, or
``"none"``. Without a story column the fitted rate ratio of two outlets is exactly the ratio of
their pooled rates.

**Standard errors.** A row is an article, so errors clustered by article are the sandwich
(Huber-White) errors: they let articles vary around their outlet's rate more than Poisson
chance would (overdispersion) and keep the Poisson estimates consistent whatever that variation
is (Poisson quasi-likelihood, Gourieroux, Monfort & Trognon 1984; Cameron & Trivedi 2013,
sec. 3.2). We therefore do not switch to a negative binomial model when the data are
overdispersed: its rate ratios would no longer be ratios of pooled rates, and it buys
efficiency, not validity. How overdispersed a measure is shows in ``dispersion`` (Pearson X^2
per residual degree of freedom of the outlet x story cell means; 1 for Poisson data) and
``overdispersion_p`` (the upper tail of X^2 on its chi-squared reference). The sandwich is
biased down with few articles per outlet, and is exactly 0 for an outlet of one article, whose
residual is 0; so the standard error used is the larger of the sandwich error and the
quasi-Poisson model error (model error x sqrt(max(1, dispersion))), the "larger of robust and
conventional" rule of Angrist & Pischke (2009, sec. 8.2). No difference can then look more
certain than the counts' own Poisson variation allows: a 7e-15 standard error cannot happen.

**One article per outlet.** Then the article is the outlet: the test says whether two texts use
the measure at rates further apart than word-by-word chance would produce, not whether the
outlets differ in their reporting in general, which would need several articles each. The
``replicated`` column is False for such pairs, and the summary says so.

**Degenerate contrasts.** An outlet with no hit at all has a rate whose log is -inf (the
maximum-likelihood estimate does not exist, "separation"); stories can leave a contrast
unidentified too: outlets are comparable within a story model only when a chain of shared
stories links them (a connected part of the outlet-story graph; Abowd, Kramarz & Margolis 1999).
Two outlets in different parts share no story even indirectly, so their difference cannot be
told apart from their choice of stories: such rows say ``test`` = ``"not_identified"``, with
p = 1 (never significant) and no interval. Outlets without a hit and stories without a hit are
left out of the fit (their absence does not change the other estimates), and every pair that
involves such an outlet, or has a model standard error above ``MAX_MODEL_SE`` (separation
through the stories: no information left) is tested with the exact conditional test for two
Poisson rates instead (Przyborowski & Wilenski 1940; the "C-test" of Krishnamoorthy & Thomson
2004): given the pair's total count, the first outlet's count is binomial with probability
words_a / (words_a + words_b) under equal rates; the two-sided p-value doubles the smaller
tail, and the rate-ratio interval comes from the Clopper-Pearson interval of that probability.
Counts and words are first divided by the design effect max(1, dispersion) (Rao & Scott 1992)
so that articles that bunch their hits do not count as independent evidence. This test uses
the pooled counts, not the story adjustment: ``test`` says ``"exact_conditional"`` and
``adjustment`` ``"none"`` on those rows, and the summary says "not adjusted". Equal counts on
equal words give p = 1.

**Which pairs.** Up to ``max_paired_outlets`` outlets (50), every pair (``comparison`` =
``"pair"``, ``outlet_a`` before ``outlet_b`` alphabetically); beyond, each outlet against all
the others pooled (``"vs_rest"``, ``outlet_b`` = ``REST``), one model per outlet with an
indicator for it, so the table grows linearly. p-values are adjusted within each measure by
Holm's (1979) step-down method and Benjamini & Hochberg's (1995) false discovery rate
(``statsmodels.stats.multitest``; Holm in numpy, see ``holm``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import sparse, special, stats
from scipy.sparse import csgraph
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
from statsmodels.tools.sm_exceptions import (
    ConvergenceWarning,
    DomainWarning,
    PerfectSeparationWarning,
)

from toolkit.compare.counts import check_counts, story_column, story_levels
from toolkit.compare.rates import PER
from toolkit.errors import ParameterError

PAIR = "pair"
VS_REST = "vs_rest"
REST = "(all other outlets)"
WALD = "wald"
EXACT = "exact_conditional"
NOT_IDENTIFIED = "not_identified"
NO_ADJUSTMENT = "none"
MAX_PAIRED_OUTLETS = 50
MAX_MODEL_SE = 5.0  # log-rate-ratio model SE beyond which a contrast carries no information
_NOISE = 1e-12  # log rate ratios smaller than this are floating-point noise around 0
_TOLERANCE = 1e-10  # IRLS stops when the deviance changes relatively by less (default 1e-8)
_MAX_ITERATIONS = 100
DIFFERENCE_COLUMNS = (
    "measure",
    "comparison",
    "outlet_a",
    "outlet_b",
    "count_a",
    "count_b",
    "words_a",
    "words_b",
    "articles_a",
    "articles_b",
    "rate_a",
    "rate_b",
    "log_rate_ratio",
    "se",
    "rate_ratio",
    "ratio_low",
    "ratio_high",
    "z",
    "p_value",
    "p_holm",
    "p_bh",
    "significant_holm",
    "significant_bh",
    "test",
    "adjustment",
    "replicated",
    "dispersion",
    "overdispersion_p",
)


def outlet_differences(
    counts: pd.DataFrame,
    *,
    adjust_for: str | None = "auto",
    level: float = 0.95,
    alpha: float = 0.05,
    max_paired_outlets: int = MAX_PAIRED_OUTLETS,
) -> pd.DataFrame:
    """Contrasts of outlets' rates, one row per measure and pair (or outlet against the rest).

    ``counts`` is the per-document table of ``toolkit.compare.counts``. ``adjust_for``: a story
    column to hold fixed (``"auto"``: ``event``, else ``topic``, when present with two values or
    more; None: no adjustment); empty story values form one level of their own.

    Columns: measure, comparison (``"pair"``/``"vs_rest"``), outlet_a, outlet_b, count_a/_b,
    words_a/_b, articles_a/_b, rate_a/_b (pooled, per 1,000 words), log_rate_ratio (a over b;
    positive: a uses the measure more; adjusted for the story column when one is used), se (of
    the log rate ratio; NaN for exact tests), rate_ratio with ratio_low/ratio_high (interval at
    ``level``), z (NaN for exact tests), p_value (two-sided), p_holm, p_bh, significant_holm,
    significant_bh (adjusted p below ``alpha``), test (``"wald"``, ``"exact_conditional"`` or
    ``"not_identified"``),
    adjustment (the story column or ``"none"``), replicated (both sides have two articles or
    more), dispersion and overdispersion_p (of the measure). Sorted by measure, outlet_a,
    outlet_b. See the module docstring for the methods and the rules.
    """
    _check_settings(level, alpha, max_paired_outlets)
    table = check_counts(counts)
    story = story_column(counts, adjust_for)
    if story is not None:
        table["story"] = story_levels(counts[story]).to_numpy()
    frames = []
    for measure, positions in sorted(table.groupby("measure", sort=False).indices.items()):
        data = _MeasureData.of(table.iloc[positions], story)
        if len(data.outlets) > max_paired_outlets:
            frame = _against_rest(data, level)
        else:
            frame = _all_pairs(data, level)
        frame.insert(0, "measure", str(measure))
        frames.append(_adjust(frame, alpha))
    if not frames:
        return pd.DataFrame(columns=list(DIFFERENCE_COLUMNS))
    result = pd.concat(frames, ignore_index=True)[list(DIFFERENCE_COLUMNS)]
    return result.sort_values(["measure", "outlet_a", "outlet_b"], kind="stable").reset_index(
        drop=True
    )


def conditional_rate_test(
    count_a: np.ndarray,
    words_a: np.ndarray,
    count_b: np.ndarray,
    words_b: np.ndarray,
    *,
    level: float = 0.95,
    design_effect: float | np.ndarray = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact conditional test of equal Poisson rates and interval of their ratio (a over b).

    Given n = count_a + count_b, count_a is Binomial(n, words_a / (words_a + words_b)) when the
    rates are equal (Przyborowski & Wilenski 1940). Returns (two-sided p-value, lower, upper
    bound of the rate ratio at ``level``): p doubles the smaller binomial tail (capped at 1;
    1 when n = 0), the bounds are the Clopper-Pearson (1934) bounds of the binomial probability
    turned into rate ratios (NaN when n = 0; the upper bound is inf when count_b = 0). Counts
    and words are divided by ``design_effect`` first (Rao & Scott 1992); the binomial tails are
    regularized incomplete beta functions, so non-integer counts are allowed.
    """
    hits_a, hits_b, exposure_a, exposure_b, effect = np.broadcast_arrays(
        *(np.asarray(value, dtype=float) for value in (count_a, count_b, words_a, words_b)),
        np.maximum(np.asarray(design_effect, dtype=float), 1.0),
    )
    hits = hits_a / effect
    total = (hits_a + hits_b) / effect
    share = exposure_a / (exposure_a + exposure_b)
    below = np.ones_like(total)
    above = np.ones_like(total)
    lower_open = hits < total
    upper_open = hits > 0
    below[lower_open] = special.betainc(
        total[lower_open] - hits[lower_open], hits[lower_open] + 1, 1 - share[lower_open]
    )
    above[upper_open] = special.betainc(
        hits[upper_open], total[upper_open] - hits[upper_open] + 1, share[upper_open]
    )
    p_value = np.minimum(1.0, 2 * np.minimum(below, above))
    low = np.full_like(total, np.nan)
    high = np.full_like(total, np.nan)
    some = total > 0
    if some.any():
        p_low, p_high = proportion_confint(hits[some], total[some], alpha=1 - level, method="beta")
        odds = exposure_b[some] / exposure_a[some]
        with np.errstate(divide="ignore"):
            low[some] = np.asarray(p_low) / (1 - np.asarray(p_low)) * odds
            high[some] = np.asarray(p_high) / (1 - np.asarray(p_high)) * odds
    return p_value, low, high


def _check_settings(level: float, alpha: float, max_paired_outlets: int) -> None:
    if not 0.5 <= level < 1:
        raise ParameterError(
            "The 'level' parameter of outlet_differences must be in [0.5, 1). "
            f"Got {level!r} instead."
        )
    if not 0 < alpha < 1:
        raise ParameterError(
            f"The 'alpha' parameter of outlet_differences must be in (0, 1). Got {alpha!r} instead."
        )
    if max_paired_outlets < 2:
        raise ParameterError(
            "The 'max_paired_outlets' parameter of outlet_differences must be an int >= 2. "
            f"Got {max_paired_outlets!r} instead."
        )


@dataclass(frozen=True, slots=True)
class _MeasureData:
    """One measure's documents as arrays: counts, words, outlet and story codes."""

    y: np.ndarray
    words: np.ndarray
    outlet: np.ndarray  # index into ``outlets``
    story: np.ndarray  # index into the story levels (all 0 without a story column)
    outlets: np.ndarray  # sorted outlet names
    adjustment: str
    totals: pd.DataFrame  # per outlet: count, words, articles
    dispersion: float
    overdispersion_p: float

    @classmethod
    def of(cls, rows: pd.DataFrame, story: str | None) -> _MeasureData:
        outlet, outlets = pd.factorize(rows["outlet"], sort=True)
        if story is None:
            levels = np.zeros(len(rows), dtype=np.intp)
        else:
            levels = pd.factorize(rows["story"], sort=True)[0]
        y = rows["count"].to_numpy(dtype=float)
        words = rows["words"].to_numpy(dtype=float)
        totals = pd.DataFrame(
            {
                "count": np.bincount(outlet, y, minlength=len(outlets)),
                "words": np.bincount(outlet, words, minlength=len(outlets)),
                "articles": np.bincount(outlet, minlength=len(outlets)),
            }
        )
        dispersion, overdispersion_p = _cell_dispersion(
            y, words, outlet * (levels.max() + 1) + levels
        )
        return cls(
            y=y,
            words=words,
            outlet=outlet,
            story=levels,
            outlets=np.asarray(outlets, dtype=object),
            adjustment=story or NO_ADJUSTMENT,
            totals=totals,
            dispersion=dispersion,
            overdispersion_p=overdispersion_p,
        )

    @property
    def design_effect(self) -> float:
        """max(1, dispersion); 1 when the dispersion cannot be estimated."""
        return max(1.0, self.dispersion) if np.isfinite(self.dispersion) else 1.0


def _cell_dispersion(y: np.ndarray, words: np.ndarray, cell: np.ndarray) -> tuple[float, float]:
    """Pearson X^2 / df around the cell means (outlet x story) and the upper-tail p of X^2.

    Cells without any hit carry no information on dispersion and are left out; the degrees of
    freedom are the documents in the other cells minus their number. (NaN, NaN) without any.
    """
    _, cell = np.unique(cell, return_inverse=True)
    hits = np.bincount(cell, y)
    rate = hits / np.bincount(cell, words)
    kept = hits[cell] > 0
    mean = words[kept] * rate[cell[kept]]
    pearson = float(np.sum((y[kept] - mean) ** 2 / mean))
    df = int(kept.sum()) - int((hits > 0).sum())
    if df <= 0:
        return float("nan"), float("nan")
    return pearson / df, float(stats.chi2.sf(pearson, df))


@dataclass(frozen=True, slots=True)
class _Fit:
    """A Poisson GLM fitted on cell totals, with document-level (article-clustered) errors."""

    params: np.ndarray
    model_cov: np.ndarray  # inverse Fisher information (Poisson variance)
    robust_cov: np.ndarray  # sandwich with articles as clusters
    usable: bool  # converged with finite estimates


def _fit_poisson(
    y: np.ndarray, words: np.ndarray, cell: np.ndarray, design: np.ndarray, start: np.ndarray
) -> _Fit:
    """Fit counts ~ design (one row per cell) with log(words) offset; ``cell`` maps documents
    to rows of ``design``.

    Documents sharing a cell share a covariate pattern, so the cell totals give the same
    estimates and information as the documents; the sandwich's middle term is summed from the
    documents' residuals, with statsmodels' small-sample factor for clusters, n / (n - p).
    """
    n_cells = design.shape[0]
    cell_hits = np.bincount(cell, y, minlength=n_cells)
    cell_words = np.bincount(cell, words, minlength=n_cells)
    with warnings.catch_warnings():
        for category in (ConvergenceWarning, PerfectSeparationWarning, DomainWarning):
            warnings.simplefilter("ignore", category)
        warnings.filterwarnings("ignore", category=RuntimeWarning)
        result = sm.GLM(
            cell_hits, design, family=sm.families.Poisson(), offset=np.log(cell_words)
        ).fit(start_params=start, tol=_TOLERANCE, maxiter=_MAX_ITERATIONS)
        params = np.asarray(result.params, dtype=float)
        model_cov = np.asarray(result.cov_params(), dtype=float)
        rate = np.exp(design @ params)
    residual = y - words * rate[cell]
    middle = np.bincount(cell, residual**2, minlength=n_cells)
    meat = design.T @ (design * middle[:, None])
    n_docs, n_params = len(y), design.shape[1]
    factor = n_docs / (n_docs - n_params) if n_docs > n_params else 0.0
    robust_cov = factor * (model_cov @ meat @ model_cov)
    usable = bool(result.converged) and bool(np.isfinite(params).all())
    usable = usable and bool(np.isfinite(model_cov).all())
    return _Fit(
        params=params,
        model_cov=model_cov,
        robust_cov=robust_cov,
        usable=usable,
    )


def _all_pairs(data: _MeasureData, level: float) -> pd.DataFrame:
    """Every pair of outlets, a before b, from one model with outlet and story effects."""
    n_outlets = len(data.outlets)
    first, second = np.triu_indices(n_outlets, k=1)
    contrast = _Contrasts.empty(len(first))
    hit = data.totals["count"].to_numpy() > 0
    story_hits = np.bincount(data.story, data.y)
    kept = hit[data.outlet] & (story_hits[data.story] > 0)
    if hit.sum() >= 2:
        design = _TwoWayDesign.of(data.outlet[kept], data.story[kept], np.flatnonzero(hit))
        totals = data.totals[hit]
        start = np.concatenate(
            [np.log(totals["count"] / totals["words"]), np.zeros(design.n_story_columns)]
        )
        fit = _fit_poisson(data.y[kept], data.words[kept], design.cell, design.matrix, start)
        column = np.full(n_outlets, -1)
        column[hit] = np.arange(int(hit.sum()))
        a, b = column[first], column[second]
        both = hit[first] & hit[second]
        linked = design.component[a[both]] == design.component[b[both]]
        contrast.unidentified[np.flatnonzero(both)[~linked]] = True
        both[both] = linked
        if fit.usable and both.any():
            contrast.set_wald(both, fit, a[both], b[both], data.design_effect)
    frame = _pair_frame(data, first, second, PAIR, REST)
    return _finish(frame, contrast, data, level)


@dataclass(frozen=True, slots=True)
class _TwoWayDesign:
    """Outlet and story indicators, one row per (outlet, story) cell present.

    Outlets and stories form a graph (an edge for every cell); outlet effects are comparable
    only within a connected part of it (Abowd, Kramarz & Margolis 1999, on two-way fixed
    effects), so one story per part is the reference and ``component`` says which part an
    outlet is in. Without a story column there is one story and one part.
    """

    matrix: np.ndarray  # cells x (outlets, non-reference stories)
    cell: np.ndarray  # documents -> rows of ``matrix``
    component: np.ndarray  # per outlet column: its connected part
    n_story_columns: int

    @classmethod
    def of(cls, outlet: np.ndarray, story: np.ndarray, outlets: np.ndarray) -> _TwoWayDesign:
        column = np.full(int(outlets.max()) + 1, -1)
        column[outlets] = np.arange(len(outlets))
        stories, story_index = np.unique(story, return_inverse=True)
        pair = column[outlet] * len(stories) + story_index.ravel()
        cells, cell = np.unique(pair, return_inverse=True)
        cell_outlet, cell_story = np.divmod(cells, len(stories))
        n_outlets = len(outlets)
        graph = sparse.coo_matrix(
            (np.ones(len(cells)), (cell_outlet, n_outlets + cell_story)),
            shape=(n_outlets + len(stories),) * 2,
        )
        _, part = csgraph.connected_components(graph, directed=False)
        story_part = part[n_outlets:]
        reference = np.zeros(len(stories), dtype=bool)
        reference[np.unique(story_part, return_index=True)[1]] = True
        story_column = np.cumsum(~reference) - 1
        matrix = np.zeros((len(cells), n_outlets + int((~reference).sum())))
        matrix[np.arange(len(cells)), cell_outlet] = 1.0
        free = ~reference[cell_story]
        matrix[np.flatnonzero(free), n_outlets + story_column[cell_story[free]]] = 1.0
        return cls(
            matrix=matrix,
            cell=cell.ravel(),
            component=part[:n_outlets],
            n_story_columns=int((~reference).sum()),
        )


def _against_rest(data: _MeasureData, level: float) -> pd.DataFrame:
    """Each outlet against all the others pooled, one model per outlet: an indicator for it
    beside the rest's, plus the stories."""
    n_outlets = len(data.outlets)
    contrast = _Contrasts.empty(n_outlets)
    story_hits = np.bincount(data.story, data.y)
    kept = story_hits[data.story] > 0
    y, words, story = data.y[kept], data.words[kept], data.story[kept]
    hits, exposure = float(y.sum()), float(words.sum())
    own_hits = data.totals["count"].to_numpy()
    for index in np.flatnonzero((own_hits > 0) & (own_hits < hits)):
        mine = (data.outlet[kept] == index).astype(np.intp)
        design = _TwoWayDesign.of(mine, story, np.array([0, 1]))
        if design.component[0] != design.component[1]:
            contrast.unidentified[index] = True  # no shared story: nothing to compare
            continue
        own_words = float(words[mine == 1].sum())
        start = np.concatenate(
            [
                np.log([(hits - own_hits[index]) / (exposure - own_words)]),
                np.log([own_hits[index] / own_words]),
                np.zeros(design.n_story_columns),
            ]
        )
        fit = _fit_poisson(y, words, design.cell, design.matrix, start)
        if fit.usable:
            row = np.zeros(n_outlets, dtype=bool)
            row[index] = True
            contrast.set_wald(row, fit, np.array([1]), np.array([0]), data.design_effect)
    everyone = np.arange(n_outlets)
    frame = _pair_frame(data, everyone, everyone, VS_REST, REST)
    return _finish(frame, contrast, data, level)


@dataclass(slots=True)
class _Contrasts:
    """Wald results per row; rows left NaN get the exact conditional test, except those the
    stories leave without any comparison (``unidentified``)."""

    log_ratio: np.ndarray
    se: np.ndarray
    unidentified: np.ndarray

    @classmethod
    def empty(cls, n_rows: int) -> _Contrasts:
        return cls(
            log_ratio=np.full(n_rows, np.nan),
            se=np.full(n_rows, np.nan),
            unidentified=np.zeros(n_rows, dtype=bool),
        )

    def set_wald(
        self, rows: np.ndarray, fit: _Fit, a: np.ndarray, b: np.ndarray, design_effect: float
    ) -> None:
        """Contrasts params[a] - params[b] on the rows selected by the mask ``rows``, unless
        the model error shows the contrast unidentified (the exact test takes those)."""
        log_ratio = fit.params[a] - fit.params[b]
        model_var = _contrast_variance(fit.model_cov, a, b)
        robust_var = _contrast_variance(fit.robust_cov, a, b)
        identified = np.sqrt(np.maximum(model_var, 0)) <= MAX_MODEL_SE
        se = np.sqrt(np.maximum(robust_var, design_effect * model_var))
        targets = np.flatnonzero(rows)[identified]
        self.log_ratio[targets] = log_ratio[identified]
        self.se[targets] = se[identified]


def _contrast_variance(cov: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    variance: np.ndarray = cov[a, a] + cov[b, b] - 2 * cov[a, b]
    return variance


def _pair_frame(
    data: _MeasureData, first: np.ndarray, second: np.ndarray, comparison: str, rest: str
) -> pd.DataFrame:
    """Names, counts, words, articles and pooled rates of both sides of every row."""
    totals = data.totals
    frame = pd.DataFrame(
        {
            "comparison": comparison,
            "outlet_a": data.outlets[first].astype(str),
            "count_a": totals["count"].to_numpy()[first],
            "words_a": totals["words"].to_numpy()[first],
            "articles_a": totals["articles"].to_numpy()[first],
        }
    )
    if comparison == PAIR:
        frame["outlet_b"] = data.outlets[second].astype(str)
        frame["count_b"] = totals["count"].to_numpy()[second]
        frame["words_b"] = totals["words"].to_numpy()[second]
        frame["articles_b"] = totals["articles"].to_numpy()[second]
    else:
        frame["outlet_b"] = rest
        frame["count_b"] = totals["count"].sum() - frame["count_a"]
        frame["words_b"] = totals["words"].sum() - frame["words_a"]
        frame["articles_b"] = totals["articles"].sum() - frame["articles_a"]
    frame["rate_a"] = PER * frame["count_a"] / frame["words_a"]
    frame["rate_b"] = PER * frame["count_b"] / frame["words_b"]
    return frame


def _finish(
    frame: pd.DataFrame, contrast: _Contrasts, data: _MeasureData, level: float
) -> pd.DataFrame:
    """Fill in ratio, interval, z and p: Wald where a contrast was set, exact elsewhere."""
    wald = np.isfinite(contrast.log_ratio) & np.isfinite(contrast.se) & (contrast.se > 0)
    log_ratio = np.where(np.abs(contrast.log_ratio) < _NOISE, 0.0, contrast.log_ratio)
    critical = float(stats.norm.ppf(1 - (1 - level) / 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(wald, log_ratio / contrast.se, np.nan)
        pooled = np.log(frame["rate_a"].to_numpy() / frame["rate_b"].to_numpy())
    p_exact, low_exact, high_exact = conditional_rate_test(
        frame["count_a"].to_numpy(),
        frame["words_a"].to_numpy(),
        frame["count_b"].to_numpy(),
        frame["words_b"].to_numpy(),
        level=level,
        design_effect=data.design_effect,
    )
    frame["log_rate_ratio"] = np.where(wald, log_ratio, pooled)
    frame["se"] = np.where(wald, contrast.se, np.nan)
    frame["rate_ratio"] = np.exp(frame["log_rate_ratio"])
    with np.errstate(over="ignore", invalid="ignore"):  # a bound beyond floats is inf
        frame["ratio_low"] = np.where(wald, np.exp(log_ratio - critical * contrast.se), low_exact)
        frame["ratio_high"] = np.where(wald, np.exp(log_ratio + critical * contrast.se), high_exact)
    frame["z"] = z
    frame["p_value"] = np.where(wald, 2 * stats.norm.sf(np.abs(z)), p_exact)
    frame["test"] = np.where(wald, WALD, EXACT)
    frame["adjustment"] = np.where(wald, data.adjustment, NO_ADJUSTMENT)
    apart = contrast.unidentified
    frame.loc[apart, ["ratio_low", "ratio_high"]] = np.nan
    frame.loc[apart, "p_value"] = 1.0
    frame.loc[apart, "test"] = NOT_IDENTIFIED
    frame.loc[apart, "adjustment"] = data.adjustment
    frame["replicated"] = (frame["articles_a"] >= 2) & (frame["articles_b"] >= 2)
    frame["dispersion"] = data.dispersion
    frame["overdispersion_p"] = data.overdispersion_p
    return frame


def _adjust(frame: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """Holm and Benjamini-Hochberg adjusted p-values over the rows of one measure."""
    p_values = frame["p_value"].to_numpy(dtype=float)
    frame["p_holm"] = holm(p_values)
    if len(p_values):
        _, frame["p_bh"], _, _ = multipletests(p_values, alpha=alpha, method="fdr_bh")
    else:
        frame["p_bh"] = np.zeros(0)
    frame["significant_holm"] = frame["p_holm"].to_numpy() < alpha
    frame["significant_bh"] = frame["p_bh"].to_numpy() < alpha
    return frame


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's (1979) step-down adjusted p-values: the i-th smallest of m is multiplied by
    m - i + 1, made non-decreasing and capped at 1.

    The same numbers as ``multipletests(method="holm")``, which runs ``gc.collect()`` on
    every call (a third of a second in a process holding an analysis, per measure).
    """
    order = np.argsort(p_values, kind="stable")
    count = len(p_values)
    stepped = np.maximum.accumulate(p_values[order] * np.arange(count, 0, -1))
    adjusted = np.empty(count)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted
