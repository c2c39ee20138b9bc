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
simply call ``find_matches(codebook, doc)`` for every article.

Headline and lead. Families that weight prominent positions read the headline from
``Article.title`` (``headline_matches``; its offsets index the title, so these matches are not
evidence rows of the article text) and define the lead as the first ``LEAD_SENTENCES`` sentences
of ``Article.text`` (``lead_end``): news leads are one or two sentences (the inverted pyramid;
Pöttker 2003), and sentences are found the same way for every corpus, whereas paragraph breaks
are often lost in scraped text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from toolkit.codebooks.loader import default_codebook
from toolkit.codebooks.model import Codebook, normalize_term
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.base import Evidence
from toolkit.metrics.guards import GUARDS, Guard
from toolkit.text import Segmented, segment

_END = ""
_WILDCARD = "*"
_ATOMS = {" ": r"\s+", "'": "['\u2019]", "-": "[-\u2010\u2011]", _WILDCARD: r"\w*"}

_Trie: TypeAlias = dict[str, "_Trie"]

LEAD_SENTENCES = 2
"""How many opening sentences of ``Article.text`` make up the lead."""


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """One occurrence of a codebook term in a text.

    ``text == doc.text[start:end]``. ``rule`` is ``"<codebook name>:<entry id>"``.
    ``rejected_by`` is the id of the first guard that rejected the match, or None when it counts.
    """

    start: int
    end: int
    text: str
    category: str
    entry_id: str
    rule: str
    weight: float
    rejected_by: str | None = None

    @property
    def kept(self) -> bool:
        """True when every guard of the entry accepted the match."""
        return self.rejected_by is None

    def evidence(self, doc_id: str, family: str, category: str | None = None) -> Evidence:
        """This match as an evidence row (``category`` overrides the codebook category)."""
        return Evidence(
            doc_id=doc_id,
            family=family,
            category=self.category if category is None else category,
            rule=self.rule,
            start=self.start,
            end=self.end,
            text=self.text,
            weight=self.weight,
        )


@dataclass(frozen=True, slots=True)
class _Target:
    category: str
    entry_id: str
    rule: str
    weight: float
    guards: tuple[tuple[str, Guard], ...]


@dataclass(frozen=True, slots=True, eq=False)
class CompiledCodebook:
    """A codebook compiled into one regular expression plus term lookup tables."""

    codebook: Codebook
    pattern: re.Pattern[str]
    _exact: dict[str, _Target]
    _stems: dict[str, _Target]

    def find(self, doc: Segmented) -> tuple[LexiconMatch, ...]:
        """Every match in ``doc.text`` in text order, with the guard that rejected it, if any."""
        text = doc.text
        matches: list[LexiconMatch] = []
        for found in self.pattern.finditer(text):
            start, end = found.span()
            target = self._target(found.group())
            rejected_by = next(
                (name for name, guard in target.guards if not guard(text, start, end, doc)), None
            )
            matches.append(
                LexiconMatch(
                    start=start,
                    end=end,
                    text=found.group(),
                    category=target.category,
                    entry_id=target.entry_id,
                    rule=target.rule,
                    weight=target.weight,
                    rejected_by=rejected_by,
                )
            )
        return tuple(matches)

    def _target(self, matched: str) -> _Target:
        key = normalize_term(matched)
        target = self._exact.get(key)
        if target is not None:
            return target
        for length in range(len(key), 0, -1):
            target = self._stems.get(key[:length])
            if target is not None:
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


def _build_pattern(terms: list[str]) -> re.Pattern[str]:
    root: _Trie = {}
    for term in terms:
        node = root
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
        node[_END] = {}
    body = _trie_regex(root) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=64)
def compile_codebook(codebook: Codebook) -> CompiledCodebook:
    """Compile ``codebook`` into a matcher (cached per codebook)."""
    exact: dict[str, _Target] = {}
    stems: dict[str, _Target] = {}
    terms: list[str] = []
    for category in codebook.categories:
        for entry in category.entries:
            target = _Target(
                category=category.id,
                entry_id=entry.id,
                rule=f"{codebook.name}:{entry.id}",
                weight=entry.weight,
                guards=tuple((name, GUARDS[name]) for name in entry.guards),
            )
            for term in entry.terms:
                key = normalize_term(term)
                if key.endswith(_WILDCARD):
                    stems[key[:-1]] = target
                else:
                    exact[key] = target
                terms.append(term)
    return CompiledCodebook(codebook, _build_pattern(terms), exact, stems)


def find_matches(codebook: Codebook, doc: Segmented) -> tuple[LexiconMatch, ...]:
    """Every match of ``codebook`` in ``doc.text``, kept or rejected by a guard, in text order."""
    return compile_codebook(codebook).find(doc)


def family_codebook(codebook: Codebook | None, family: str) -> Codebook:
    """The default codebook of ``family`` when ``codebook`` is None, else ``codebook`` if it fits.

    Raises ``ParameterError`` when ``codebook`` is not a codebook of ``family``.
    """
    if codebook is None:
        return default_codebook(family)
    if not isinstance(codebook, Codebook):
        raise ParameterError(
            f"The 'codebook' parameter of measure must be a codebook of family {family!r}. "
            f"Got {type(codebook).__name__} instead."
        )
    if codebook.family != family:
        raise ParameterError(
            f"The 'codebook' parameter of measure must be a codebook of family {family!r}. "
            f"Got family {codebook.family!r} instead."
        )
    return codebook


def check_segmented(article: Article, doc: Segmented) -> None:
    """Raise ``ParameterError`` unless ``doc`` was segmented from ``article.text``."""
    if doc.text != article.text:
        raise ParameterError(
            "The 'doc' parameter of measure must be segment(article.text) for the same article. "
            f"Got a segmented text that differs from the text of {article.doc_id!r} instead."
        )


def lead_end(doc: Segmented) -> int:
    """Offset where the lead (the first ``LEAD_SENTENCES`` sentences of ``doc``) ends; 0 if none."""
    if not doc.sentences:
        return 0
    return doc.sentences[min(LEAD_SENTENCES, doc.n_sentences) - 1].end


def headline_matches(codebook: Codebook, title: str) -> tuple[LexiconMatch, ...]:
    """The kept matches of ``codebook`` in a headline (offsets index ``title``)."""
    return tuple(match for match in find_matches(codebook, segment(title)) if match.kept)
