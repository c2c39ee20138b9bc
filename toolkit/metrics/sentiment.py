"""Tone: VADER sentiment per sentence and the lexicon words behind it (Hutto & Gilbert 2014).

VADER (Valence Aware Dictionary and sEntiment Reasoner) scores a sentence from a lexicon of
about 7,500 words rated from -4 (most negative) to +4 (most positive) plus rules for negation,
intensifiers, "but" and punctuation. Its compound score runs from -1 (most negative) to +1
(most positive); the authors call a sentence positive at >= 0.05 and negative at <= -0.05.
Following their advice for texts longer than a sentence, each sentence is scored on its own.

The scoring is NLTK's implementation (``nltk.sentiment.vader``) with the lexicon shipped in
``toolkit/data/vader_lexicon.txt`` (vaderSentiment 3.3.2, MIT; provenance and licence in
``vader_lexicon.LICENSE``, fetched by ``scripts/fetch_vader_lexicon.py``). Nothing is read from
NLTK's data folders and nothing is downloaded.

The word counts are plain lexicon hits (any word whose valence is above or below 0), each with
an evidence row; they are NOT adjusted for negation or intensifiers ("not good" counts "good" as
positive), and they ignore capitalisation, so names can count ("United" in "United States" is
+1.8, as in VADER itself); the evidence rows show every such hit. The compound scores are the
context-aware measure.
"""

from __future__ import annotations

import bisect
import math
import string
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from itertools import compress, repeat

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import (
    ARTICLE,
    BODY,
    HEADLINE,
    ZONES,
    ArticleText,
    Evidence,
    FamilyOutput,
    Measure,
    totals_measures,
)
from toolkit.metrics.registry import Family, MeasureSpec
from toolkit.text import Segmented, nltk_without_scipy

with nltk_without_scipy():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

FAMILY = "tone"
POSITIVE_THRESHOLD = 0.05
"""A sentence with compound >= 0.05 is positive (Hutto & Gilbert's recommended cut-off)."""
NEGATIVE_THRESHOLD = -0.05
"""A sentence with compound <= -0.05 is negative."""


_PUNCTUATION = string.punctuation
"""What VADER's ``REGEX_REMOVE_PUNCTUATION`` deletes: the ASCII punctuation marks."""
_PUNCTUATION_TABLE = str.maketrans("", "", _PUNCTUATION)
_PUNC_MARKS = frozenset(VaderConstants.PUNC_LIST)
_C_INCR = VaderConstants.C_INCR
_MODIFIERS = frozenset(
    {
        *(entry for entry in VaderConstants.BOOSTER_DICT if " " not in entry),
        *VaderConstants.NEGATE,
        "never",
        "so",
        "this",
        "least",
        # An idiom ("kiss of death") or two-word booster ("kind of") matches only with all its
        # words, so its longest word is enough here.
        *(
            max(entry.split(), key=len)
            for entry in (*VaderConstants.SPECIAL_CASE_IDIOMS, *VaderConstants.BOOSTER_DICT)
            if " " in entry
        ),
    }
)
"""The lower-case tokens NLTK's ``sentiment_valence`` acts on near a lexicon word (from three
tokens before it to two after it): negations, boosters, "never", "so", "this", "least" and a word
of each idiom. With none of them and no token with "n't" near it, a lexicon word's valence is the
lexicon's, raised for capitals."""


def _vader_words(text: str) -> list[str]:
    """The tokens VADER scores (``SentiText.words_and_emoticons``), built in linear time.

    NLTK splits ``text`` on white space, drops one-character tokens, and replaces a token of the
    form ``mark + word`` or ``word + mark`` by ``word``, where ``mark`` is in ``PUNC_LIST`` and
    ``word`` is a token of the text with its ASCII punctuation deleted, two characters or
    longer. It does so by building every ``mark + word`` and ``word + mark`` string of the
    sentence. Since a ``word`` has no ASCII punctuation and a ``mark`` is all punctuation, the
    mark must be the token's whole leading (or trailing) run of punctuation, and the rest is
    such a ``word`` exactly when it has no punctuation and at least two characters (it is then
    the punctuation-free form of this very token). ``_unpunctuated`` checks that, token by token.
    """
    return list(filter(None, map(_vader_token, text.split())))


@lru_cache(maxsize=1 << 16)
def _vader_token(token: str) -> str:
    """What ``_vader_words`` makes of one white-space token: "" for a one-character token (NLTK
    drops those), else the token or its punctuation-free form. Cached: tokens repeat a lot."""
    if len(token) < 2:
        return ""
    if token[0] in _PUNCTUATION or token[-1] in _PUNCTUATION:
        return _unpunctuated(token)
    return token


def _unpunctuated(token: str) -> str:
    if token[0] in _PUNCTUATION:
        rest = token.lstrip(_PUNCTUATION)
        mark = token[: len(token) - len(rest)]
    else:
        rest = token.rstrip(_PUNCTUATION)
        mark = token[len(rest) :]
    if mark in _PUNC_MARKS and len(rest) > 1 and rest == rest.translate(_PUNCTUATION_TABLE):
        return rest
    return token


class _SentiText(SentiText):  # type: ignore[misc]
    """NLTK's ``SentiText`` over tokens already split by ``_vader_words``."""

    def __init__(self, text: str, words: list[str]) -> None:
        self.text = text
        self.PUNC_LIST = VaderConstants.PUNC_LIST
        self.REGEX_REMOVE_PUNCTUATION = VaderConstants.REGEX_REMOVE_PUNCTUATION
        self.words_and_emoticons = words
        self.is_cap_diff = _cap_differential(words)  # NLTK's allcap_differential(words)


class _ShippedLexiconAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """NLTK's VADER analyzer fed the shipped lexicon as text, with faster tokens.

    ``SentimentIntensityAnalyzer.__init__`` reads its lexicon through ``nltk.data.load``, whose
    path sandbox (NLTK 3.10) opens only files under ``nltk.data.path``; adding our folder to that
    list would change global state, so this sets the same three attributes directly instead
    (``tests/metrics/test_sentiment.py`` checks the result against known VADER scores).

    ``polarity_scores`` returns exactly what NLTK's does, faster: the tokens come from
    ``_vader_words`` (NLTK's tokens in linear time, not in time proportional to marks times
    words), a word with no modifier near it takes its lexicon valence directly, and the rest of
    the scoring is NLTK's own ``sentiment_valence``, ``_but_check`` and ``score_valence``.
    ``tests/metrics/test_sentiment.py`` compares the scores with NLTK's on tricky cases.
    """

    def __init__(self, lexicon_text: str) -> None:
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()

    def polarity_scores(self, text: str) -> dict[str, float]:
        """NLTK's ``polarity_scores``: compound, -1 to +1, and the neg/neu/pos shares."""
        scores: dict[str, float] = self.score_valence(
            self._valences(text, _vader_words(text)), text
        )
        return scores

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, skipping the scoring of a text without any
        lexicon word: every token then gets valence 0, and NLTK's compound is 0.0. The compound
        is computed as NLTK's ``score_valence`` does, without its neg/neu/pos shares."""
        words = _vader_words(text)
        lowered = list(map(str.lower, words))
        if self.lexicon.keys().isdisjoint(lowered):
            return 0.0
        sentiments = self._valences(text, words, lowered)
        sum_s = float(sum(sentiments))
        if "!" in text or "?" in text:  # else NLTK's amplifier is 0.0, and changes nothing
            punct_emph_amplifier = self._punctuation_emphasis(sum_s, text)
            if sum_s > 0:
                sum_s += punct_emph_amplifier
            elif sum_s < 0:
                sum_s -= punct_emph_amplifier
        return float(round(self.constants.normalize(sum_s), 4))

    def _valences(
        self, text: str, words: list[str], lowered: list[str] | None = None
    ) -> list[float]:
        """Per-token valences after NLTK's "but" rule, as the loop of NLTK's ``polarity_scores``
        computes them (``lowered``: the words in lower case).

        That loop gives 0 to a word outside the lexicon (through ``sentiment_valence``), to a
        booster word and to "kind" in "kind of", judging each token at its first occurrence as
        NLTK does; the rest get ``sentiment_valence``, which appends the valence to the list it
        is given and reads nothing else from it. Its rules (negation, boosters, "never so",
        "least", idioms) look at most three tokens before the word and two after it, and act
        only on the tokens in ``_MODIFIERS`` or with "n't"; without such a token there the
        valence is the lexicon's, raised for capitals, and is computed here. ``_but_check``
        changes nothing in a text without "but".
        """
        if lowered is None:
            lowered = list(map(str.lower, words))
        lexicon = self.lexicon
        hits = compress(range(len(lowered)), map(lexicon.__contains__, lowered))
        sentiments: list[float] = [0] * len(words)
        if _MODIFIERS.isdisjoint(lowered) and "n't" not in " ".join(lowered):
            # Nothing anywhere for sentiment_valence's rules to act on (nor a booster to skip).
            cap_differential: bool | None = None
            for index in hits:
                valence = lexicon[lowered[index]]
                if words[index].isupper():  # as sentiment_valence does
                    if cap_differential is None:
                        cap_differential = _cap_differential(words)
                    if cap_differential:
                        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
                sentiments[index] = valence
        else:
            self._rule_valences(text, words, lowered, list(hits), sentiments)
        if "but" in lowered:
            sentiments = self._but_check(words, sentiments)
        return sentiments

    def _rule_valences(
        self,
        text: str,
        words: list[str],
        lowered: list[str],
        hits: list[int],
        sentiments: list[float],
    ) -> None:
        """Set ``sentiments[index]`` for each of the ``hits`` (indices of lexicon words) in a
        text with a modifier somewhere; see ``_valences``."""
        lexicon = self.lexicon
        boosters = self.constants.BOOSTER_DICT
        # The first occurrence of a hit is a hit too (same token, same lower case).
        first_index: dict[str, int] = {}
        for index in hits:
            first_index.setdefault(words[index], index)
        sentitext = _SentiText(text, words)
        last = len(words) - 1
        for index in hits:
            item = words[index]
            lower = lowered[index]
            i = first_index[item]
            if lower in boosters or (i < last and lower == "kind" and lowered[i + 1] == "of"):
                continue
            window = lowered[max(i - 3, 0) : i + 3]
            if _MODIFIERS.isdisjoint(window) and "n't" not in " ".join(window):
                # Nothing around the word for sentiment_valence's rules to act on.
                valence = lexicon[lower]
                if item.isupper() and sentitext.is_cap_diff:  # as sentiment_valence does
                    valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
                sentiments[index] = valence
            else:
                sentiments[index] = self.sentiment_valence(0, sentitext, item, i, [])[0]


def _cap_differential(words: list[str]) -> bool:
    """NLTK's ``allcap_differential``: some but not all of ``words`` are in capitals."""
    return 0 < len(words) - sum(map(str.isupper, words)) < len(words)


@cache
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer over the shipped lexicon, built on first use and then reused."""
    lexicon = resources.files("toolkit").joinpath("data/vader_lexicon.txt").read_text("utf-8")
    return _ShippedLexiconAnalyzer(lexicon)


def vader_lexicon() -> Mapping[str, float]:
    """The VADER lexicon: lower-case token -> mean valence, from -4 (negative) to +4 (positive)."""
    lexicon: Mapping[str, float] = vader_analyzer().lexicon
    return lexicon


def compound(sentence: str) -> float:
    """VADER compound score of one sentence: -1 (most negative) to +1 (most positive).

    Curly apostrophes (U+2019) are read as straight ones first, so VADER's negations ("won't",
    "don't") are recognised in typeset news text.
    """
    analyzer: _ShippedLexiconAnalyzer = vader_analyzer()
    return analyzer.compound(_straight(sentence))


def _straight(text: str) -> str:
    return text.replace("\u2019", "'")


def _sentences_with_words(doc: Segmented) -> list[str]:
    """The text of each sentence that holds a word, in order.

    A word belongs to the sentence ``doc.sentence_index`` gives its start: the last sentence that
    starts at or before it (the first sentence for a word before it). Rather than look that up
    word by word, this counts the word starts from each sentence's start up to the next one's.
    """
    sentences = doc.sentences
    starts = doc.word_starts  # in text order
    # first[i]: how many words start before sentence i (sentence 0 also takes earlier words).
    first = [0, *(bisect.bisect_left(starts, span.start) for span in sentences[1:]), len(starts)]
    return [
        doc.text[span.start : span.end]
        for span, before, after in zip(sentences, first, first[1:], strict=False)
        if after > before
    ]


def lexicon_evidence(doc: Segmented, zone: str) -> list[Evidence]:
    """One evidence row per word of ``doc`` with a VADER valence: category "positive" or
    "negative", rule ``"vader:<lexicon entry>"``, weight the valence (-4 to +4).

    ``zone`` is the zone of ``doc`` (``HEADLINE``, or ``BODY`` for the article text; the
    pipeline places body rows in the lead or the body).
    """
    text = doc.text
    starts, ends = doc.word_starts, doc.word_ends
    entries = _lexicon_entries(doc)
    valences = list(map(vader_lexicon().get, entries, repeat(0.0)))
    rows: list[Evidence] = []
    append = rows.append
    for index in compress(range(len(valences)), valences):  # the words with a valence not 0
        start = starts[index]
        end = ends[index]
        valence = valences[index]
        category = "positive" if valence > 0 else "negative"
        rule = f"vader:{entries[index]}"
        append(Evidence(FAMILY, category, rule, zone, start, end, text[start:end], valence))
    return rows


def _lexicon_entries(doc: Segmented) -> list[str]:
    """Each word lower-cased, with straight apostrophes: the form looked up in the lexicon.

    The whole text is lower-cased once and sliced, unless that changes its length (a letter
    whose lower case is longer, such as "İ") or it holds a capital sigma, the one letter whose
    lower case depends on its neighbours (final sigma at the end of a word). Otherwise each
    character lower-cases on its own to one character, so a slice of the lower-cased text is the
    lower-cased word.
    """
    text = doc.text
    lowered = _straight(text.lower())
    if len(lowered) == len(text) and "\u03a3" not in text:
        pairs = zip(doc.word_starts, doc.word_ends, strict=True)
        return [lowered[start:end] for start, end in pairs]
    return [_straight(word.lower()) for word in doc.word_texts()]


def measure(text: ArticleText, codebook: Codebook | None = None) -> FamilyOutput:
    """Tone of one article.

    Whole article: ``compound``/``mean``, the mean sentence compound score of the body, -1
    (negative) to +1 (positive); ``positive``/``share`` and ``negative``/``share``, the share of
    body sentences (0 to 1) with compound >= 0.05 / <= -0.05. These three are NaN when the body
    has no sentence with a word. ``positive_words`` and ``negative_words``: lexicon words with
    positive / negative valence in the headline and the body (one evidence row each), ``count``
    in the article, the headline and the lead and ``per_1k`` per 1,000 words of the article.
    """
    scores = [compound(sentence) for sentence in _sentences_with_words(text.body)]
    evidence = lexicon_evidence(text.headline, HEADLINE)
    body_zone = text.body_zone
    evidence += [row._replace(zone=body_zone(row.end)) for row in lexicon_evidence(text.body, BODY)]
    totals = {zone: {"positive_words": 0.0, "negative_words": 0.0} for zone in ZONES}
    for row in evidence:
        totals[row.zone][f"{row.category}_words"] += 1.0
    if scores:
        mean = math.fsum(scores) / len(scores)
        positive_share = sum(1 for s in scores if s >= POSITIVE_THRESHOLD) / len(scores)
        negative_share = sum(1 for s in scores if s <= NEGATIVE_THRESHOLD) / len(scores)
    else:
        mean = positive_share = negative_share = math.nan
    measures = [
        Measure(ARTICLE, "compound", "mean", mean),
        Measure(ARTICLE, "positive", "share", positive_share),
        Measure(ARTICLE, "negative", "share", negative_share),
        *totals_measures(text, totals),
    ]
    return FamilyOutput(FAMILY, measures, evidence)


def _provenance() -> list[dict[str, str]]:
    return [{"name": "vader_lexicon", "version": "vaderSentiment 3.3.2", "family": FAMILY}]


FAMILIES = (
    Family(
        name=FAMILY,
        label="Tone",
        measure=measure,
        description="VADER sentiment per sentence and the lexicon words behind it.",
        citation="Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for "
        "sentiment analysis of social media text. ICWSM.",
        measures=(
            MeasureSpec(
                "compound",
                "mean",
                "-1 to +1",
                "higher = more positive",
                "mean VADER compound score of the body's sentences",
            ),
            MeasureSpec(
                "positive",
                "share",
                "0 to 1",
                "higher = more positive",
                "share of body sentences with compound >= 0.05",
            ),
            MeasureSpec(
                "negative",
                "share",
                "0 to 1",
                "higher = more negative",
                "share of body sentences with compound <= -0.05",
            ),
            MeasureSpec(
                "positive_words",
                "count",
                "words",
                "higher = more positive",
                "lexicon words of positive valence (per_1k: per 1,000 words)",
            ),
            MeasureSpec(
                "negative_words",
                "count",
                "words",
                "higher = more negative",
                "lexicon words of negative valence (per_1k: per 1,000 words)",
            ),
        ),
        provenance=_provenance,
    ),
)
