"""Records for articles, the text removed from them by cleaning, and articles that were rejected."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of the original text removed by a cleaning rule.

    Offsets index ``Article.original_text``; ``original_text[start:end] == text``.
    """

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as analysed.

    ``text`` is the cleaned body that every metric reads; all evidence offsets index it.
    ``original_text`` is the text exactly as read from the input, and ``removals`` lists what
    cleaning cut from it, so nothing is lost. ``location`` names where the article came from
    (a file, ``file:line`` or ``file:row``). ``language`` is the ISO 639-1 code of the language
    of ``text`` identified when the article was loaded (``"und"`` undetermined; ``""`` not yet
    identified, as for an Article built by hand: the analysis identifies it then). ``topic``
    and ``event`` are the story the article covers, when the corpus says (a ``topic`` or
    ``event`` field or manifest column): comparisons of outlets adjust for them, so that the
    choice of stories is not read as framing.
    """

    doc_id: str
    outlet: str
    title: str
    text: str
    original_text: str
    location: str
    date: str | None = None
    url: str | None = None
    removals: tuple[Removal, ...] = field(default=())
    language: str = ""
    topic: str | None = None
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An article that could not be analysed, with where it came from and why."""

    location: str
    reason: str
    doc_id: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """A loaded corpus: the articles to analyse and every input that was rejected.

    ``articles`` are sorted by ``doc_id``. ``rejected`` is empty unless the corpus was loaded
    with ``on_error="skip"``; then it lists each article or input row left out and why, so
    nothing is dropped silently. ``source`` is the path the corpus was read from;
    ``cleaning_name`` and ``cleaning_version`` identify the cleaning rules applied.
    """

    articles: tuple[Article, ...]
    rejected: tuple[Rejection, ...]
    source: str
    cleaning_name: str = ""
    cleaning_version: str = ""
