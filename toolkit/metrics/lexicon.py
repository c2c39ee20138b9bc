"""A fast codebook matcher: every term of a codebook compiled once into one regular expression.

The terms of all entries are merged into a character trie and written out as a single
case-insensitive alternation, so the scan runs inside the regex engine (no Python loop over words
or terms). The trie makes longer phrases win over their prefixes ("in fact" before "in"), and a
trailing ``*`` in a term matches any word ending. Terms match whole words, where a hyphenated
compound counts as one word (as in ``toolkit.text``): "escalat*" does not match inside
"de-escalate". Multi-word phrases match across any run of whitespace, and an apostrophe in a term
matches both the ASCII and the typographic apostrophe. Each match is then checked by its entry's
guards (``toolkit.metrics.guards``).

Compiled matchers are cached per codebook (codebooks are frozen and hashable), so callers can
simply call ``compile_codebook(codebook).hits(doc)`` for every article.

Speed. Case-insensitive matching is slow in Python's regex engine (it cannot skip alternatives
by their first character), so when every term is ASCII and starts with a word character (as the
codebook loader requires) the matcher runs a case-sensitive twin of the pattern over a folded
copy of the text instead: lower-cased, with the four non-ASCII characters that match an ASCII
letter case-insensitively ("\u0130", "\u0131", "\u017f", the Kelvin sign) folded to it
(``toolkit.text.fold_text``). Folding keeps every offset and every character's class (word,
space, hyphen, apostrophe), so both patterns find the same spans;
``tests/metrics/test_lexicon.py`` checks that over all of Unicode. Other codebooks use the
case-insensitive pattern itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

from toolkit.codebooks.model import Codebook, normalize_term
from toolkit.errors import ParameterError
from toolkit.metrics.guards import Guard, entry_guards
from toolkit.text import Segmented, fold_text, scan_text, segment

_END = ""
_WILDCARD = "*"
_ATOMS = {" ": r"\s+", "'": "['\u2019]", "-": "[-\u2010\u2011]", _WILDCARD: r"\w*"}
_BOUNDARY = r"[\w-]"

_SPAN = re.Match.span

_Trie: TypeAlias = dict[str, "_Trie"]


@dataclass(frozen=True, slots=True)
class Target:
    """What a match of one codebook term counts for: its entry, category, weight and guards.

    ``negatable`` is False for an entry that is itself negative ("not participate"): a negation
    cue before its matches is not read (``toolkit.metrics.negation``).
    """

    category: str
    entry_id: str
    rule: str
    weight: float
    guards: tuple[tuple[str, Guard], ...]
    negatable: bool = True


Hit: TypeAlias = tuple[int, int, str, Target, str | None]
"""A match as ``(start, end, text, target, rejected_by)``: ``text == doc.text[start:end]``,
``target`` what it counts for, ``rejected_by`` the id of the first guard of its entry that
rejected it (None when it counts). Plain tuples: families read thousands per article."""


@dataclass(frozen=True, slots=True, eq=False)
class CompiledCodebook:
    """A codebook compiled into one regular expression plus term lookup tables.

    ``pattern`` is the case-insensitive pattern of every term; ``folded`` is its case-sensitive
    twin for ``" " + fold_text(text)`` (see the module docstring), or None when the codebook has
    terms it cannot handle, in which case ``pattern`` is used.
    """

    codebook: Codebook
    pattern: re.Pattern[str]
    _exact: dict[str, Target]
    _stems: dict[str, Target]
    folded: re.Pattern[str] | None = None
    # Lengths of the stems that start with the same ``_stem_prefix`` characters, longest first.
    _stem_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _stem_prefix: int = 1

    def hits(self, doc: Segmented | str, *, folded: str | None = None) -> list[Hit]:
        """Every match in ``doc.text`` as a ``Hit``, in text order, with the guard that rejected it.

        ``doc`` may also be a plain text, then segmented only if a guard needs its sentences.
        ``folded`` is ``scan_text(doc.text)`` when the caller has it already (one per text
        serves every codebook).
        """
        segmented = None if isinstance(doc, str) else doc
        text = doc if isinstance(doc, str) else doc.text
        if self.folded is None:
            found_all, shift = self.pattern.finditer(text), 0
        else:
            if folded is None:
                folded = scan_text(text)
            elif len(folded) != len(text) + 1:
                raise ParameterError(
                    "The 'folded' parameter of hits must be scan_text(doc.text). "
                    "Got a text of another length instead."
                )
            # A match in " " + fold_text(text) at i holds the boundary character before the term,
            # then the term, which starts at i in ``text``.
            found_all, shift = self.folded.finditer(folded), 1
        hits: list[Hit] = []
        # Matched text -> target: a lower-cased term is its own key (see ``_target``), other
        # texts are resolved once per call.
        exact = self._exact
        targets: dict[str, Target] = {}
        for start, end in map(_SPAN, found_all):
            end -= shift
            matched = text[start:end]
            target = exact.get(matched)
            if target is None:
                target = targets.get(matched)
                if target is None:
                    target = targets[matched] = self._target(matched)
            rejected_by = None
            if target.guards:
                if segmented is None:
                    segmented = segment(text)
                for name, guard in target.guards:
                    if not guard(text, start, end, segmented):
                        rejected_by = name
                        break
            hits.append((start, end, matched, target, rejected_by))
        return hits

    def _target(self, matched: str) -> Target:
        key = matched.lower()
        if not (
            key.isascii()
            and key.isprintable()
            and "  " not in key
            and not key.startswith(" ")
            and not key.endswith(" ")
        ):
            # else ``key`` is normalize_term(matched) already. Folding maps what the
            # case-insensitive scan took for an ASCII letter ("\u0131ran", "\u0130RAN") to it.
            key = normalize_term(fold_text(matched))
        target = self._exact.get(key)
        if target is not None:
            return target
        longest = len(key)
        for length in self._stem_lengths.get(key[: self._stem_prefix], ()):
            if length <= longest:
                target = self._stems.get(key[:length])
                if target is not None:
                    return target
        return self._casefolded_target(matched)

    def _casefolded_target(self, matched: str) -> Target:
        """The term of a match that lower-casing does not map back to a term.

        Rare: non-ASCII terms with letters that ``re.IGNORECASE`` pairs but ``lower`` keeps
        apart (Greek medial and final sigma; the micro sign and mu). Compares case-folded forms;
        a stem (``term*``) matches a prefix, the longest first.
        """
        key = normalize_term(fold_text(matched)).casefold()
        for term, target in self._exact.items():
            if term.casefold() == key:
                return target
        stems = sorted(self._stems.items(), key=lambda item: -len(item[0]))
        for stem, target in stems:
            if key.startswith(stem.casefold()):
                return target
        raise AssertionError(f"matched text {matched!r} has no codebook term")  # pragma: no cover


def _atoms(term: str) -> list[str]:
    return [_ATOMS.get(char, re.escape(char)) for char in normalize_term(term)]


def _trie_regex(node: _Trie) -> str:
    """Regex source for a trie node; optional groups are greedy, so longer terms win."""
    branches = [
        atom + _trie_regex(child)
        for atom, child in sorted(node.items())
        if atom not in (_END, _ATOMS[_WILDCARD])
    ]
    has_wildcard = _ATOMS[_WILDCARD] in node
    if has_wildcard:
        branches.append(_ATOMS[_WILDCARD])
    if not branches:
        return ""
    optional = _END in node and not has_wildcard
    if len(branches) == 1 and not optional:
        return branches[0] if len(node) == 1 else f"(?:{branches[0]})"
    return f"(?:{'|'.join(branches)}){'?' if optional else ''}"


def _trie_body(terms: list[str]) -> str:
    root: _Trie = {}
    for term in terms:
        node = root
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _trie_regex(root) or r"(?!)"


def _build_patterns(terms: list[str]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The case-insensitive pattern of ``terms`` and its folded twin (None when it would differ).

    The twin needs ASCII terms (for ``fold_text``) that start with a word character: then a
    match never starts right where the previous one ended, so a boundary character matched before
    each term (instead of a look-behind) lets the regex engine skip to the next non-word
    character.
    """
    body = _trie_body(terms)
    pattern = re.compile(rf"(?<!{_BOUNDARY})(?:{body})(?!{_BOUNDARY})", re.IGNORECASE)
    keys = [normalize_term(term) for term in terms]
    if not keys or not all(key.isascii() and re.match(r"\w", key) for key in keys):
        return pattern, None
    # The boundary character as "[^a-z0-9_-]" (a superset) lets the engine skip ASCII word
    # characters with a bitmap test; the look-behind then keeps only true boundaries.
    return pattern, re.compile(rf"[^a-z0-9_-](?<!{_BOUNDARY})(?:{body})(?!{_BOUNDARY})")


@lru_cache(maxsize=64)
def compile_codebook(codebook: Codebook) -> CompiledCodebook:
    """Compile ``codebook`` into a matcher (cached per codebook)."""
    exact: dict[str, Target] = {}
    stems: dict[str, Target] = {}
    terms: list[str] = []
    for category in codebook.categories:
        for entry in category.entries:
            target = Target(
                category=category.id,
                entry_id=entry.id,
                rule=f"{codebook.name}:{entry.id}",
                weight=entry.weight,
                guards=entry_guards(
                    entry.guards,
                    unless_before=entry.unless_before,
                    unless_after=entry.unless_after,
                ),
                negatable=entry.negatable,
            )
            for term in entry.terms:
                key = normalize_term(term)
                if key.endswith(_WILDCARD):
                    stems[key[:-1]] = target
                else:
                    exact[key] = target
                terms.append(term)
    prefix = min((len(stem) for stem in stems if stem), default=1)
    lengths: dict[str, set[int]] = {}
    for stem in stems:
        if stem:
            lengths.setdefault(stem[:prefix], set()).add(len(stem))
    pattern, folded = _build_patterns(terms)
    return CompiledCodebook(
        codebook,
        pattern,
        exact,
        stems,
        folded,
        {start: tuple(sorted(found, reverse=True)) for start, found in lengths.items()},
        prefix,
    )
