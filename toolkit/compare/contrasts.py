"""Framing and sourcing contrasts: what one outlet uses that no other outlet does, with the
sentences, and the balance of source types per outlet.

A frame is an evidence category of the framing family ("conflict") or, at ``level="rule"``, one
codebook entry ("framing:threat"); a source is a named person, organisation or news medium,
identified by its name without titles ("national security spokesperson John Kirby" and "Kirby"
are "John Kirby" when the corpus names one Kirby). Unnamed sources are compared by type only.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from toolkit.compare.names import ORGANISATION, PERSON, PLACE, find_names
from toolkit.compare.texts import require_columns
from toolkit.errors import ParameterError
from toolkit.pipeline.tables import TableSource, in_context

NAMED_TYPES = ("named_person", "named_organisation", "news_media")
_PRIORITY = {PERSON: 0, ORGANISATION: 1, PLACE: 2}  # which name in a source names it


def exclusive_frames(
    evidence: pd.DataFrame,
    sentences: pd.DataFrame | TableSource,
    *,
    family: str = "framing",
    level: str = "category",
    per_item: int = 3,
) -> pd.DataFrame:
    """Frames (categories or rules of ``family``) that exactly one outlet uses.

    Columns: outlet, frame, n_evidence, then up to ``per_item`` example rows' cue, doc_id and
    sentence (one row per example; from the analysis's ``sentences`` table), sorted by outlet,
    frame, doc_id and offset. Negated evidence does not count. Meaningful only with two outlets
    or more; with one outlet every frame is "exclusive".
    """
    if level not in ("category", "rule"):
        raise ParameterError(
            "The 'level' parameter of exclusive_frames must be one of {'category', 'rule'}. "
            f"Got {level!r} instead."
        )
    require_columns(
        evidence,
        ("outlet", "family", "category", "rule", "cue", "doc_id", "start", "sentence"),
        "evidence",
    )
    rows = evidence[evidence["family"] == family]
    if "negated" in rows.columns:
        rows = rows[~rows["negated"].astype(bool)]
    outlets_per_frame = rows.groupby(level)["outlet"].nunique()
    exclusive = outlets_per_frame[outlets_per_frame == 1].index
    picked = rows[rows[level].isin(exclusive)].sort_values(
        ["outlet", level, "doc_id", "start"], kind="stable"
    )
    counts = picked.groupby(level).size()
    examples = in_context(picked.groupby(level, sort=True).head(per_item), sentences)
    table = pd.DataFrame(
        {
            "outlet": examples["outlet"].astype(str),
            "frame": examples[level].astype(str),
            "n_evidence": examples[level].map(counts).astype("int64"),
            "cue": examples["cue"].astype(str),
            "doc_id": examples["doc_id"].astype(str),
            "sentence": examples["sentence_text"].astype(str),
        }
    )
    return table.reset_index(drop=True)


def source_identities(attributions: pd.DataFrame) -> pd.Series:
    """A name for each attribution's source: the person or organisation without titles, with a
    surname resolved to the one full name the attributions give for it; the source type for
    unnamed sources (in angle brackets, e.g. ``<anonymous>``)."""
    require_columns(attributions, ("source", "source_type"), "attributions")
    names: list[str] = []
    for source, kind in zip(attributions["source"], attributions["source_type"], strict=True):
        if kind not in NAMED_TYPES:
            names.append(f"<{kind}>")
            continue
        every = find_names(str(source), [0])
        ranked = sorted(every, key=lambda n: _PRIORITY.get(n.kind, len(_PRIORITY)))
        names.append(ranked[0].item if ranked else str(source).removeprefix("the ").strip())
    full: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if " " in name and not name.startswith("<"):
            full[name.split()[-1]].add(name)
    resolved = [next(iter(full[n])) if len(full.get(n, ())) == 1 else n for n in names]
    return pd.Series(resolved, index=attributions.index, name="identity")


def exclusive_sources(
    attributions: pd.DataFrame, sentences: pd.DataFrame | TableSource
) -> pd.DataFrame:
    """Named sources exactly one outlet cites: outlet, identity, source_type, n_attributions,
    and the first attribution's source words, cue, doc_id and sentence (from the analysis's
    ``sentences`` table); sorted by outlet and identity."""
    require_columns(
        attributions,
        ("outlet", "source", "source_type", "cue", "doc_id", "start", "sentence"),
        "attributions",
    )
    table = attributions.assign(identity=source_identities(attributions))
    named = table[table["source_type"].isin(NAMED_TYPES)]
    per_identity = named.groupby("identity")["outlet"].nunique()
    only = named[named["identity"].map(per_identity) == 1].sort_values(
        ["outlet", "identity", "doc_id", "start"], kind="stable"
    )
    counts = only.groupby("identity").size()
    first = in_context(only.drop_duplicates("identity"), sentences)
    return (
        pd.DataFrame(
            {
                "outlet": first["outlet"].astype(str),
                "identity": first["identity"].astype(str),
                "source_type": first["source_type"].astype(str),
                "n_attributions": first["identity"].map(counts).astype("int64"),
                "source": first["source"].astype(str),
                "cue": first["cue"].astype(str),
                "doc_id": first["doc_id"].astype(str),
                "sentence": first["sentence_text"].astype(str),
            }
        )
        .sort_values(["outlet", "identity"], kind="stable")
        .reset_index(drop=True)
    )


def source_balance(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions per outlet and source type: outlet, source_type, count, share (of the
    outlet's attributions; rows of an outlet sum to 1). Every type appears for every outlet,
    with count 0 where unused; sorted by outlet and source type."""
    require_columns(attributions, ("outlet", "source_type"), "attributions")
    counts = attributions.groupby(["outlet", "source_type"]).size().unstack(fill_value=0)
    long = pd.DataFrame({"count": counts.stack()}).reset_index()
    totals = long.groupby("outlet")["count"].transform("sum")
    long["share"] = long["count"] / totals.where(totals > 0)
    long["count"] = long["count"].astype("int64")
    return long.sort_values(["outlet", "source_type"], kind="stable").reset_index(drop=True)
