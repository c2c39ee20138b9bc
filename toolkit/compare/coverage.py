"""What each outlet mentions: people, places, organisations, figures and dates.

``coverage_items`` finds every mention (with its words, offsets and sentence, so each cell of
the matrix can be checked); ``coverage_matrix`` says which outlets mention which item;
``unique_items`` lists what only one outlet carries and ``missing_items`` what every outlet but
one carries (what that outlet left out). Items are normalised (see ``figures`` and ``names``):
"99%", "99 percent" and "ninety-nine percent" are one item, ``99%``; "President Biden" and
"Joe Biden" are ``Joe Biden`` when the corpus names exactly one person called Biden.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

import pandas as pd

from toolkit.compare.figures import find_figures
from toolkit.compare.names import OTHER, PERSON, find_names
from toolkit.compare.texts import require_columns, sentence_table, tokens

ITEM_COLUMNS = ("kind", "item", "outlet", "doc_id", "start", "end", "words", "sentence")
DEFAULT_KINDS = ("person", "place", "organisation", "figure", "date")


def coverage_items(texts: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per mention: kind, item, outlet, doc_id, start, end, words, sentence.

    ``words == text[start:end]`` of the article. ``sentences`` (from ``sentence_table``) is
    computed when not given. Sentence-initial single words that the corpus also writes in lower
    case ("According", "Sources") are not names and are left out. Rows are sorted by kind, item,
    doc_id and start.
    """
    require_columns(texts, ("doc_id", "outlet", "text"), "texts")
    table = sentence_table(texts) if sentences is None else sentences
    require_columns(table, ("doc_id", "start", "end", "sentence"), "sentences")
    by_doc = {
        str(doc_id): (group["start"].tolist(), group["sentence"].tolist())
        for doc_id, group in table.groupby("doc_id", sort=False)
    }
    vocabulary: set[str] = set()
    rows: list[dict[str, object]] = []
    for doc_id, outlet, text in zip(texts["doc_id"], texts["outlet"], texts["text"], strict=True):
        text = str(text)
        vocabulary.update(tokens(text))
        starts, sentence_texts = by_doc.get(str(doc_id), ([], []))
        base = {"outlet": str(outlet), "doc_id": str(doc_id)}
        for name in find_names(text, starts):
            rows.append(
                {
                    **base,
                    "kind": name.kind,
                    "item": name.item,
                    "start": name.start,
                    "end": name.end,
                    "words": name.words,
                    "sentence": _sentence(starts, sentence_texts, name.start),
                    "alias": name.alias,
                    "initial": name.sentence_initial,
                }
            )
        for found in find_figures(text):
            rows.append(
                {
                    **base,
                    "kind": found.kind,
                    "item": found.item,
                    "start": found.start,
                    "end": found.end,
                    "words": found.words,
                    "sentence": _sentence(starts, sentence_texts, found.start),
                    "alias": None,
                    "initial": False,
                }
            )
    items = pd.DataFrame(rows, columns=[*ITEM_COLUMNS, "alias", "initial"])
    items = _resolve(items, vocabulary)
    return items.sort_values(["kind", "item", "doc_id", "start"], kind="stable").reset_index(
        drop=True
    )[list(ITEM_COLUMNS)]


def coverage_matrix(
    items: pd.DataFrame,
    *,
    kinds: Sequence[str] = DEFAULT_KINDS,
    outlets: Sequence[str] | None = None,
    min_outlets: int = 1,
) -> pd.DataFrame:
    """Mentions per item (rows) and outlet (columns); 0 where an outlet never mentions it.

    Columns: kind, item, n_outlets (how many outlets mention it), then one column per outlet
    (``outlets``, default every outlet in ``items``, sorted). Rows of the given ``kinds`` that
    at least ``min_outlets`` outlets mention, sorted by kind, n_outlets (most first) and item.
    """
    require_columns(items, ("kind", "item", "outlet"), "items")
    columns = sorted(items["outlet"].unique()) if outlets is None else list(outlets)
    rows = items[items["kind"].isin(list(kinds))]
    counts = (
        rows.groupby(["kind", "item", "outlet"], sort=True)
        .size()
        .unstack("outlet", fill_value=0)
        .reindex(columns=columns, fill_value=0)
    )
    counts.columns.name = None
    counts.insert(0, "n_outlets", (counts > 0).sum(axis=1))
    table = counts.reset_index()
    table = table[table["n_outlets"] >= min_outlets]
    table = table.sort_values(
        ["kind", "n_outlets", "item"], ascending=[True, False, True], kind="stable"
    )
    return table.reset_index(drop=True)


def unique_items(items: pd.DataFrame, *, kinds: Sequence[str] = DEFAULT_KINDS) -> pd.DataFrame:
    """Items only one outlet mentions: kind, item, outlet, mentions and the first sentence."""
    matrix = coverage_matrix(items, kinds=kinds)
    single = matrix[matrix["n_outlets"] == 1]
    outlets = [c for c in matrix.columns if c not in ("kind", "item", "n_outlets")]
    first = (
        items.sort_values(["doc_id", "start"], kind="stable")
        .drop_duplicates(["kind", "item", "outlet"])
        .set_index(["kind", "item", "outlet"])["sentence"]
    )
    rows = []
    for record in single.to_dict("records"):
        outlet = next(o for o in outlets if record[o] > 0)
        rows.append(
            {
                "kind": record["kind"],
                "item": record["item"],
                "outlet": outlet,
                "mentions": int(record[outlet]),
                "sentence": str(first.get((record["kind"], record["item"], outlet), "")),
            }
        )
    table = pd.DataFrame(rows, columns=["kind", "item", "outlet", "mentions", "sentence"])
    return table.sort_values(["outlet", "kind", "item"], kind="stable").reset_index(drop=True)


def missing_items(items: pd.DataFrame, *, kinds: Sequence[str] = DEFAULT_KINDS) -> pd.DataFrame:
    """Items every outlet but one mentions: kind, item, missing_from, n_outlets.

    Empty when the corpus has fewer than three outlets (then "all but one" is "only one").
    """
    matrix = coverage_matrix(items, kinds=kinds)
    outlets = [c for c in matrix.columns if c not in ("kind", "item", "n_outlets")]
    rows = []
    if len(outlets) >= 3:
        for record in matrix[matrix["n_outlets"] == len(outlets) - 1].to_dict("records"):
            missing = next(o for o in outlets if record[o] == 0)
            rows.append(
                {
                    "kind": record["kind"],
                    "item": record["item"],
                    "missing_from": missing,
                    "n_outlets": int(record["n_outlets"]),
                }
            )
    table = pd.DataFrame(rows, columns=["kind", "item", "missing_from", "n_outlets"])
    return table.sort_values(["missing_from", "kind", "item"], kind="stable").reset_index(drop=True)


def outlets_mentioning(items: pd.DataFrame, kind: str, item: str) -> list[str]:
    """The outlets (sorted) that mention ``item`` of ``kind``."""
    rows = items[(items["kind"] == kind) & (items["item"] == item)]
    return sorted(rows["outlet"].unique())


def _resolve(items: pd.DataFrame, vocabulary: set[str]) -> pd.DataFrame:
    """Apply bracketed acronyms, resolve surnames to full names, drop capitalised openers."""
    if items.empty:
        return items
    items = items.copy()
    aliases: dict[str, str] = {}
    for alias, item in zip(items["alias"], items["item"], strict=True):
        if isinstance(alias, str) and alias != item:
            aliases.setdefault(alias, item)
    items["item"] = [aliases.get(item, item) for item in items["item"]]
    kinds = dict(items.drop_duplicates("item")[["item", "kind"]].itertuples(index=False, name=None))
    items["kind"] = [
        kinds.get(item, kind) for item, kind in zip(items["item"], items["kind"], strict=True)
    ]
    surnames: dict[str, set[str]] = defaultdict(set)
    for item in items.loc[items["kind"] == PERSON, "item"]:
        parts = str(item).split()
        if len(parts) > 1:
            surnames[parts[-1]].add(str(item))
    resolved_items, resolved_kinds, keep = [], [], []
    for kind, item, initial in zip(items["kind"], items["item"], items["initial"], strict=True):
        full = surnames.get(str(item), set())
        if kind in (PERSON, OTHER) and " " not in str(item) and len(full) == 1:
            kind, item = PERSON, next(iter(full))
        keep.append(not (kind == OTHER and initial and str(item).lower() in vocabulary))
        resolved_items.append(item)
        resolved_kinds.append(kind)
    items["item"], items["kind"] = resolved_items, resolved_kinds
    return items[keep]


def _sentence(starts: list[int], sentences: list[str], offset: int) -> str:
    if not starts:
        return ""
    return sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]
