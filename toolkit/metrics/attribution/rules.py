"""The attribution rules: each turns a cue match into draft attributions (no parser).

Every rule reads one sentence with regular expressions; ``extract`` lists what each rule
recognises. Content is the reported clause after the cue (without a leading "that"), or, when
nothing follows the cue, the quotation or clause before the source; it stops where the next
attribution of the same sentence begins.
"""

from __future__ import annotations

import re
from dataclasses import replace

from toolkit.metrics.attribution.context import B, Context, Draft, E, back_start
from toolkit.metrics.attribution.cues import NEUTRAL, REFUSAL
from toolkit.metrics.attribution.quotes import quote_ending_at
from toolkit.metrics.attribution.sources import (
    ANONYMOUS,
    DOCUMENT,
    IMPLICIT,
    NAME_KIND,
    NAMED_ORGANISATION,
    NAMED_PERSON,
    NEWS_MEDIA,
    OTHER_KIND,
    PRONOUN,
    PRONOUN_KIND,
    ROLE,
    UNATTRIBUTED_REPORT,
    UNCLASSIFIED,
    UNNAMED_GROUP,
    Mention,
    mention,
    name_type,
    of_news_media,
)
from toolkit.text import Span

SAID_AFTER_SOURCE = "attribution:said_after_source"
COORDINATED_SOURCE = "attribution:coordinated_source"
SAID_BEFORE_SOURCE = "attribution:said_before_source"
PASSIVE_BY = "attribution:passive_by"
PARTICIPLE = "attribution:participle"
CONJOINED_VERB = "attribution:conjoined_verb"
DECLINED_TO = "attribution:declined_to"
ACCORDING_TO = "attribution:according_to"
CITING = "attribution:citing"
REPORTS_EMERGED = "attribution:reports_emerged"
DISTANCING = "attribution:passive_frame"
ASKED = "attribution:asked"
STATEMENT = "attribution:statement"

_LOOKBACK = 240
_ADVERB_WORD = r"[a-z]+ly"
_NEAR = 24
_BARRIERS = ("“", "”", '"', "''", ";", ":")
_WHAT = re.compile(rf"{B}[Ww]hat(?:ever)?\s+\Z")
_COMMA_AFTER = re.compile(r"\s*,(?!\s*[“\"])")
_COMMA_BEFORE = re.compile(r",\s*\Z")
_COMMA_LINK = re.compile(rf",(?:\s+(?:also|then|later|now|still|again|{_ADVERB_WORD}))*\s+\Z")
_TRAILING = re.compile(r"[\s,;:]*(?:\b(?:and|but)\s*)?$")
_PASSIVE_AUX = re.compile(
    rf"{B}(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    rf"(?:(?:first|also|originally|initially|previously|later|widely|{_ADVERB_WORD})\s+)*\Z"
)
# "As reported by Reuters, ...", "The campaign, first reported by Politico, ...": "reported" by
# a source without an auxiliary.
_REPORTED_AS = re.compile(rf"(?:{B}[Aa]s|,)\s+(?:(?:first|originally|initially)\s+)?\Z")
_INVERSION_LEAD = re.compile(r"(?:[,”\"]|'')\s*\Z")
_PARTICIPLE_LEAD = re.compile(
    r"(?:,[”\"]?|[”\"],|\s[\u2014\u2013]|\s--|\sby|\s(?:while|after|before|when|in))\s*"
    r"(?:(?:also|then|later|further|initially|first)\s+)?\Z"
)
_CONJOINED_LEAD = re.compile(
    rf"{B}(?:and|but)\s+(?:(?:also|then|later|further|again|repeatedly)\s+)?"
    rf"(?:(?:has|have|had|would|will|did|does|do)\s+(?:not\s+)?)?\Z"
)
_OPENING_PARTICIPLE = re.compile(
    r"[\s\u201c\"\u2018']*(?:(?:After|Before|While|Since|Upon|When|In|By|Without|On)\s+"
    r"(?:addition\s+to\s+)?)?"
)
# "released a statement Wednesday saying ...": a message that carries its sender's words.
_MESSAGE_LEAD = re.compile(
    rf"{B}(?:statement|email|e-mail|letter|tweet|post|video|message|release|memo|petition|ad)"
    rf"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday))?\s+\Z"
)
# A dateline before the subject: "WASHINGTON — ", "ORLANDO, Fla. (Reuters) - ".
_DATELINE = re.compile(r"[^\n\u2014\u2013]{1,60}?\s(?:\u2014|\u2013|-|--)\s+")
_PARTICIPLE_TAIL = re.compile(r"(?:\s|:|,)")
_RELATIVE = re.compile(rf"{B}(?:where|who|whom|whose|which|while|when|whereas){E}")
_TOLD = frozenset(("told", "tells", "tell", "telling"))
_CIRCUMSTANCE = re.compile(
    rf"\s+(?:in|on|at|during|after|before|late|earlier|last|this|when|while|to|from){E}"
)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_BY = re.compile(rf"\s+by{E}")
_BE = re.compile(rf"{B}(?:is|are|was|were|be|been|being){E}")
# "call" reports speech in "called (Wednesday) for/on/out" or when it names its object: a
# quotation, or a predicate noun after the object ("called him a fraud"), not a time ("a day").
_NAMING = re.compile(
    rf"(?:\s+(?:again|also|publicly|repeatedly|today|yesterday|[A-Z][a-z]+day))?"
    rf"\s+(?:for|on|upon|out){E}"
    rf"|[^.;:!?\n“”\"]{{0,100}}?(?:[“\"]|''|{B}(?:it|him|her|them|[A-Z][\w'\u2019]+)\s+an?\s+(?!(?:day|week|month|year|few|couple|while|bit|lot|second|minute|moment){E}))"
)
_SPEAKERS = frozenset(
    (NAMED_PERSON, NAMED_ORGANISATION, NEWS_MEDIA, ROLE, ANONYMOUS, UNNAMED_GROUP, PRONOUN)
)
# "called Sanders to congratulate him", "called him back", "called Kyiv on July 25", "called
# with an offer", "called a meeting", "called 911", "commonly called BDS,": a telephone call, a
# summons or a name, not words reported.
_CALL_FOR = re.compile(
    rf"(?:\s+(?:again|also|publicly|repeatedly|today|yesterday|[A-Z][a-z]+day))?"
    rf"\s+(?:for|on|upon){E}"
)
_NOT_NAMING = re.compile(
    rf"(?:\s+[\w'\u2019.\-]+){{0,5}}?\s+(?:to\s+[a-z]|(?:onto|into|back|in|on|off|up|over|"
    rf"with|from|at|after|shortly|earlier|during|only){E})"
    rf"|\s+(?:an?\s+|snap\s+|\d)|(?:\s+[\w'\u2019\-]+){{0,2}}\s*(?:[.,;!?]|\Z)"
)
_DESCRIBED = re.compile(
    r"\s+(?P<np>(?:[A-Za-z\d][\w'\u2019.\-]*)(?:\s+[\w'\u2019.\-]+){0,7}?)"
    rf"(?=\s*(?:[,.;:!?\u201d\"]|\Z)|\s+(?:who|whose|during|at|in|on|after|before|when|while|as|"
    rf"from|for|with|about|to){E})"
)
_OPENING_SOURCE_END = re.compile(r"\s*[,:]")
_OPENING_WORDS = re.compile(
    r"\s*(?:And|But|Then|So|Yet|Still|Now|Later|Also)\s+(?:(?:then|also|later|now)\s+)?"
)
_DETERMINED = re.compile(r"(?:the|a|an)\s")
_ANONYMITY = re.compile(
    r"\s+(?:not\s+to\s+be|for\s+anonymity|to\s+remain\s+anonymous|that\s+(?:his|her|their)\s+name)"
)
_NEXT_WORD = re.compile(r"\s+([\w'\u2019\-]+)")
_DETERMINERS = frozenset(("a", "an", "the", "one", "another", "two", "three", "some", "many"))
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w'\u2019\-]*\.?\s+)+[A-Z][\w'\u2019\-]*\Z")
_ASKED_LEAD = re.compile(
    rf"(?:(?:{B}(?i:when|while|after|before|if|once|as|upon|until)\s+(?:being\s+)?)"
    rf"|(?:{B}(?:was|were|is|are|be|been|being|get|gets|got)\s+"
    rf"(?:(?:also|then|later|again|repeatedly|directly|specifically|yet|not|never|first|once|"
    rf"twice|recently|previously|often|frequently|publicly|reportedly)\s+)*))\Z"
)
_OPENER = re.compile(rf"{B}In\s[^,;:\n\u201c\u201d\"]{{1,80}}?,\s+")
_OPENING_MARKS = re.compile(r"[\s“\"'\u2018(\[\u2014\u2013-]*\Z")
_REQUEST = re.compile(
    rf"(?:\s+(?!(?:whether|if|why|how|what|when|where|who|about){E})[\w'\u2019.\-]+){{0,4}}?"
    rf"\s+to\s+[a-z]"
)


def verb_drafts(context: Context, match: re.Match[str]) -> list[Draft]:
    """Attributions whose cue is a reporting verb or a refusal (first matching rule wins)."""
    cue_start = match.start()
    sentence = context.sentence(cue_start)
    if _word(match).endswith("ing") and _MESSAGE_LEAD.search(
        context.text, max(sentence.start, cue_start - 40), cue_start
    ):
        return []  # "released a statement saying ...": the sender's words (``participle_draft``)
    lookback = _window(context.text, sentence.start, cue_start)
    back = _back(context, lookback, cue_start)
    if (
        back is not None
        and back.group("generic")
        and not back.group("gname")
        and _word(match) not in context.lexicon.open_verbs
        and back.group("ghead").lower() not in context.patterns.source_heads
        and not _calls_for(context, match)  # "This initiative called for ...", "his plan calls on"
    ):
        back = None  # "The White House's position underscores ...": not a source
    if back is not None and _not_a_head(context, back):
        back = None  # "also apparently told": an adverb is no source
    if back is not None and back.group("link") and _word(match).endswith("ing"):
        back = None  # "..., the ministry defended the strike, saying": a participle
    if back is not None and _is_passive(context, match, back):
        back = None  # "The move was first reported by MSNBC": the subject is not the source
    if back is None:
        back = _leading(context, match, lookback)
    if _word(match) in context.lexicon.document_verbs and not _is_document(context, back):
        back = _document_subject(context, lookback, cue_start)  # "New polls released ... show"
    if back is not None:
        drafts = _source_first(context, match, back, lookback)
        return [draft for draft in drafts if _fits_verb(context, match, draft)]
    if _is_refusal(context, match):
        return []
    near = max(sentence.start, cue_start - _NEAR)
    return (
        _inverted(context, match, near)
        or _passive(context, match, near)
        or _asked(context, match, sentence)
    )


def _leading(context: Context, match: re.Match[str], lookback: int) -> re.Match[str] | None:
    """The subject that opens the clause of a cue right after a comma, when what stands between
    them is a long or numbered appositive that ``back`` does not take ("Tom Baker, 69, a farmer
    from Ohio, said", "Ann Lee, who ran in 2012 and lost, said")."""
    text, cue_start = context.text, match.start()
    if _word(match).endswith("ing"):
        return None  # ", stating that ...": a participle, credited by ``participle_draft``
    comma = _COMMA_LINK.search(text, lookback, cue_start)
    if comma is None or _BE.search(text, comma.start(), cue_start):
        return None
    leading = context.patterns.leading.match(text, lookback, comma.start() + 1)
    if leading is None or leading.group("pronoun"):
        return None
    if leading.group("generic") and not leading.group("gname"):
        return None  # "The plan, 40 pages long, said ...": an untyped description
    return leading


def _is_document(context: Context, back: re.Match[str] | None) -> bool:
    """Whether ``back`` matched a source that is a document, or headed by a document word."""
    if back is None:
        return False
    source = mention(back, "np", 0, context.lexicon)
    lexicon = context.lexicon
    words = set(source.text.lower().split())
    return source.source_type == DOCUMENT or bool(
        words & (lexicon.document_heads | lexicon.report_heads)
    )


def _document_subject(context: Context, start: int, end: int) -> re.Match[str] | None:
    """The subject of the clause of a document verb when it is a document, however long what
    follows it ("New polls released Sunday showed", "FEC records from the 2008 cycle show")."""
    subject = _subject(context, start, end)
    return subject if _is_document(context, subject) else None


def _word(match: re.Match[str]) -> str:
    """The cue as listed in the lexicon: lower case, single spaces ("Says" -> "says")."""
    return " ".join(match.group().lower().split())


def _is_passive(context: Context, match: re.Match[str], back: re.Match[str]) -> bool:
    """Whether a form of "be" stands between the subject and a cue that is not an -ing form."""
    between = context.text[back.end("np") : match.start()]
    return not _word(match).split(" ")[0].endswith("ing") and _BE.search(between) is not None


def _not_a_head(context: Context, back: re.Match[str]) -> bool:
    """Whether a source of ``back`` is headed by an adverb ("apparently", "always")."""
    if not back.group("generic") or back.group("gname"):
        return False
    head = back.group("ghead").lower()
    return head in context.lexicon.adverbs or head.endswith("ly")


def _fits_verb(context: Context, match: re.Match[str], draft: Draft) -> bool:
    """Whether the cue reports speech with this source and what follows (see the lexicon's
    ``document_verbs``, ``naming_verbs`` and ``request_verbs``)."""
    word, lexicon = _word(match), context.lexicon
    source_start = draft.source.start if draft.source is not None else -1
    if word in lexicon.document_verbs:
        source = draft.source
        if source is None or source.source_type == PRONOUN:
            return False
        words = set(source.text.lower().split())
        return source.source_type == DOCUMENT or bool(
            words & (lexicon.document_heads | lexicon.report_heads)
        )
    sentence_end = context.sentence(match.start()).end
    if word in lexicon.noun_verbs:
        return _names_reporter(context, match, draft.source)
    if word in lexicon.naming_verbs:
        if _NAMING.match(context.text, match.end(), sentence_end) is not None:
            return True
        if source_start >= 0 and _WHAT.search(
            context.text, max(0, source_start - _NEAR), source_start
        ):
            return True  # "what he calls corruption": the name is the speaker's
        return _names_speaker(draft.source) and (
            _NOT_NAMING.match(context.text, match.end(), sentence_end) is None
        )
    if word in lexicon.request_verbs:  # a request by a speaker is reported speech too
        if _ANONYMITY.match(context.text, match.end(), sentence_end):
            return False  # "who asked not to be named": a condition of the interview
        return _names_speaker(draft.source) or (
            _REQUEST.match(context.text, match.end(), sentence_end) is None
        )
    return True


def _names_reporter(context: Context, match: re.Match[str], source: Mention | None) -> bool:
    """Whether a cue that is also a noun ("reports") follows a name or pronoun that is no media
    word ("CNN reports", not "Press reports") and comes before no other cue."""
    if source is None or source.kind not in (NAME_KIND, PRONOUN_KIND):
        return False
    lexicon = context.lexicon
    words = source.text.lower().split()
    media_word = words[-1] in lexicon.emergence_modifiers or words[-1] in lexicon.media_heads
    if media_word and words[0] != "the":
        return False  # "Press reports", "Israeli media reports"; not "The Associated Press"
    after = _NEXT_WORD.match(context.text, match.end())
    return after is None or context.patterns.stances.get(after.group(1).lower()) is None


def _calls_for(context: Context, match: re.Match[str]) -> bool:
    """Whether a naming verb asks for something: "called for", "calls on"."""
    return (
        _word(match) in context.lexicon.naming_verbs
        and _CALL_FOR.match(context.text, match.end()) is not None
    )


def _names_speaker(source: Mention | None) -> bool:
    """Whether ``source`` is someone who may call a thing by a name (a person, a group, an
    organisation, a news medium), not a description the lexicon cannot type."""
    return source is not None and source.source_type in _SPEAKERS


def _back(context: Context, start: int, end: int) -> re.Match[str] | None:
    """``patterns.back`` searched in ``text[start:end]``, where a source can be.

    ``back`` cannot match unless the window ends in white space, nor, for a ``plain`` lexicon,
    when the word before that white space is one of ``patterns.dead_ends`` (after a space), nor
    before ``back_start``: all three are tested first, which spares the regular expression
    most of the offsets it would try in vain. The result is the same.
    """
    text, patterns = context.text, context.patterns
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    if last == end:
        return None
    if patterns.plain:
        space = text.rfind(" ", start, last)
        if space >= 0 and text[space + 1 : last] in patterns.dead_ends:
            return None
        start = back_start(text, start, end, patterns.linking)
    return patterns.back.search(text, start, end)


def _window(text: str, start: int, end: int) -> int:
    """Where a source before ``end`` may begin: at most ``_LOOKBACK`` characters back, not
    before ``start`` and after the last quotation mark, colon or semicolon (no source spans
    them), which keeps the backward searches short."""
    low = max(start, end - _LOOKBACK)
    for mark in _BARRIERS:
        found = text.rfind(mark, low, end)
        if found >= 0:
            low = found + len(mark)
    return low


def _source_first(
    context: Context, match: re.Match[str], back: re.Match[str], lookback: int
) -> list[Draft]:
    """ "X (, appositive,) (has) said ..." and "Both X and Y affirmed ..." """
    text, lexicon = context.text, context.lexicon
    cue_start, cue_end = match.span()
    sentence = context.sentence(cue_start)
    source = mention(back, "np", 0, lexicon)
    who: Mention | None = None  # "Weaver, who said ...": "who", credited to "Weaver"
    link = back.groupdict().get("link")
    if link is not None and link.endswith("who"):
        who = Mention(back.end("link") - 3, back.end("link"), "who", PRONOUN, "", PRONOUN_KIND)
    elif source.text == "who":
        before = _back(context, lookback, source.start)
        if before is not None and not before.group("pronoun"):
            who, source = source, mention(before, "np", 0, lexicon)
    if _WHAT.search(text, max(lookback, source.start - _NEAR), source.start) and (
        _word(match) not in lexicon.naming_verbs
    ):
        return []  # "What he said was not true."; not "what officials called a hate crime"
    refusal = _is_refusal(context, match)
    rule = DECLINED_TO if refusal else SAID_AFTER_SOURCE
    content = context.after(cue_end, sentence, told=_word(match) in _TOLD)
    quoted = quote_ending_at(text, context.paragraph(source.start), source.start)
    trailing = _COMMA_BEFORE.search(text, max(sentence.start, source.start - _NEAR), source.start)
    if (
        quoted is not None
        or (content[0] < 0 and not refusal)
        or (trailing is not None and _CIRCUMSTANCE.match(text, cue_end, sentence.end))
    ):  # "“...,” Salami said." / "Iran denied it, the IRGC said in a statement."
        content = context.before(sentence, source.start)
    elif _COMMA_BEFORE.search(
        text, max(sentence.start, source.start - _NEAR), source.start
    ) and _COMMA_AFTER.match(text, cue_end, sentence.end):
        content = context.trimmed(sentence.start, sentence.end)  # "The talks, X said, were ..."
    stance = context.stance(_word(match))
    if who is not None:
        drafts = [Draft(who, cue_start, cue_end, stance, rule, *content, antecedent=source)]
    else:
        drafts = [Draft(source, cue_start, cue_end, stance, rule, *content)]
    coordinated = _coordinated(context, lookback, source.start)
    if coordinated is not None:
        opening = text[lookback : coordinated.start()].rstrip()
        if coordinated.group("both") or not opening or opening.endswith(","):
            other = mention(coordinated, "np", 0, lexicon)
            drafts.insert(0, Draft(other, cue_start, cue_end, stance, COORDINATED_SOURCE, *content))
    return drafts


def _coordinated(context: Context, start: int, end: int) -> re.Match[str] | None:
    """``patterns.coordinated`` searched in ``text[start:end]``, which it can only match when
    that ends in white space, "and" and white space: tested first, as most windows do not."""
    text = context.text
    found = text.rfind("and", start, end)
    if found <= start or not text[found - 1].isspace() or not text[found + 3 : end].isspace():
        return None
    return context.patterns.coordinated.search(text, start, end)


def _is_refusal(context: Context, match: re.Match[str]) -> bool:
    return context.stance(_word(match)) == REFUSAL


def _inverted(context: Context, match: re.Match[str], lookback: int) -> list[Draft]:
    """ "“...,” said Salami." """
    cue_start, cue_end = match.span()
    if _word(match) not in context.lexicon.inverted_verbs:
        return []
    sentence = context.sentence(cue_start)
    if not context.text[sentence.start : cue_start].strip():
        if match.group()[:1].isupper():
            return _opening_inverted(context, match, sentence)
        lookback = max(0, cue_start - _NEAR)  # "“Will Iran stop?” asked ...": a new sentence
    lead = _INVERSION_LEAD.search(context.text, lookback, cue_start)
    if lead is None:
        return []
    # After a quotation the source may run on ("“...,” said Tom Baker of Ohio, who ..."); after
    # a mere comma it must end the clause, or "X, 69, said the plan ..." would credit "the plan".
    quoted = lead.group().strip(" ,") != ""
    forward_pattern = context.patterns.forward_phrase if quoted else context.patterns.forward
    forward = forward_pattern.match(context.text, cue_end, sentence.end)
    if forward is not None:
        source = mention(forward, "np", 0, context.lexicon)
    elif quoted:
        found = _described(context, cue_end, sentence.end)
        if found is None:
            return []
        source = found
    else:
        return []
    content = context.before(sentence, cue_start)
    stance = context.stance(_word(match))
    return [Draft(source, cue_start, cue_end, stance, SAID_BEFORE_SOURCE, *content)]


def _opening_inverted(context: Context, match: re.Match[str], sentence: Span) -> list[Draft]:
    """ "Said Comey, “...”", "Stated Stone:": an inverted cue opening its sentence, its source
    closed by a comma or a colon, the content after them."""
    cue_start, cue_end = match.span()
    forward = context.patterns.forward.match(context.text, cue_end, sentence.end)
    if forward is None or not _OPENING_SOURCE_END.match(context.text, forward.end("np")):
        return []
    source = mention(forward, "np", 0, context.lexicon)
    content = context.after(forward.end("np"), sentence)
    stance = context.stance(_word(match))
    return [Draft(source, cue_start, cue_end, stance, SAID_BEFORE_SOURCE, *content)]


def _described(context: Context, start: int, end: int) -> Mention | None:
    """A speaker after an inverted cue that follows a quotation, described in words the
    source grammar does not cover ("said a Nevada Democrat", "said the 46-year-old", "said
    Montclair State University political scientist Brigid Harrison"): up to eight words that
    end the clause or come before "who" or a preposition. Typed by a name that ends it
    ("... scientist Brigid Harrison": a named person), else unclassified."""
    found = _DESCRIBED.match(context.text, start, end)
    if found is None:
        return None
    words = found.group("np").rstrip(".")
    if words.split()[0].lower() in context.lexicon.function_words - _DETERMINERS:
        return None
    name = _TRAILING_NAME.search(words)
    if name is not None and not words[: name.start()].rstrip().endswith(("a", "an", "one")):
        source_type = name_type(name.group(), context.lexicon)
    elif of_news_media(words, context.lexicon):
        source_type = NEWS_MEDIA
    else:
        source_type = UNCLASSIFIED
    start = found.start("np")
    return Mention(start, start + len(words), words, source_type, "", OTHER_KIND)


def _passive(context: Context, match: re.Match[str], lookback: int) -> list[Draft]:
    """ "This assurance was reiterated by US Defense Secretary Lloyd Austin" """
    cue_start, cue_end = match.span()
    word = _word(match)
    if not (word.endswith("ed") or word in ("said", "told")):
        return []
    auxiliary = _PASSIVE_AUX.search(context.text, lookback, cue_start)
    sentence = context.sentence(cue_start)
    by = _BY.match(context.text, cue_end, sentence.end)
    if by is None:
        return []
    if auxiliary is None:
        if word != "reported":
            return []
        auxiliary = _REPORTED_AS.search(context.text, lookback, cue_start)
        if auxiliary is None:
            return []
    forward = context.patterns.forward_phrase.match(context.text, by.end(), sentence.end)
    if forward is None:
        return []
    source = mention(forward, "np", 0, context.lexicon)
    if context.text[sentence.start : auxiliary.start()].strip():
        content = context.trimmed(sentence.start, auxiliary.start())
    else:  # "As reported by Reuters, the talks ..."
        content = context.after(forward.end("np"), sentence)
    stance = context.stance(word)
    return [Draft(source, cue_start, cue_end, stance, PASSIVE_BY, *content)]


def _asked(context: Context, match: re.Match[str], sentence: Span) -> list[Draft]:
    """ "Asked whether ..., Kirby said", "when asked about ...", "Sanders was asked to name ...":
    a question put by an asker left unsaid (an ``implicit`` source), or by the one after "by"
    ("Asked by Stephanopoulos to respond, ...")."""
    word = _word(match)
    if word not in context.lexicon.question_verbs:
        return []
    text, (cue_start, cue_end) = context.text, match.span()
    opening = _OPENING_MARKS.match(text, sentence.start, cue_start) is not None
    lead = _ASKED_LEAD.search(text, max(sentence.start, cue_start - 60), cue_start)
    if not opening and lead is None:
        return []
    source = Mention(-1, -1, "", IMPLICIT, "", "other")
    by = _BY.match(text, cue_end, sentence.end)
    if by is not None:
        forward = context.patterns.forward_phrase.match(text, by.end(), sentence.end)
        if forward is not None:
            source = mention(forward, "np", 0, context.lexicon)
    content = context.after(cue_end, sentence)
    return [Draft(source, cue_start, cue_end, context.stance(word), ASKED, *content)]


def is_participle(context: Context, match: re.Match[str]) -> bool:
    """ ", noting that ...", ", saying “...”" or a second verb of the subject: "... and said" """
    cue_start, cue_end = match.span()
    sentence = context.sentence(cue_start)
    if _CONJOINED_LEAD.search(context.text, max(sentence.start, cue_start - 40), cue_start):
        return True
    if not _word(match).endswith("ing"):
        return False
    if _opens(context, match):
        return True
    near = max(sentence.start, cue_start - _NEAR)
    if _MESSAGE_LEAD.search(context.text, max(sentence.start, cue_start - 40), cue_start):
        return True  # "released a statement saying ..."
    return (
        _PARTICIPLE_LEAD.search(context.text, near, cue_start) is not None
        and _PARTICIPLE_TAIL.match(context.text, cue_end, sentence.end) is not None
    )


def _opens(context: Context, match: re.Match[str]) -> bool:
    """Whether a participle opens its sentence, maybe after a preposition ("Noting that ...,
    Trump reminded", "After saying he was nervous, the man ...")."""
    start = context.sentence(match.start()).start
    return _OPENING_PARTICIPLE.fullmatch(context.text, start, match.start()) is not None


def participle_draft(
    context: Context, match: re.Match[str], sentence_drafts: list[Draft]
) -> Draft | None:
    """A participle or a conjoined verb ("... and said") credited to the source of an earlier
    cue in its sentence, or to the sentence's subject."""
    cue_start, cue_end = match.span()
    sentence = context.sentence(cue_start)
    earlier = [
        draft
        for draft in sentence_drafts
        if draft.cue_start < cue_start and draft.rule != CITING and draft.source is not None
    ]
    conjoined = _CONJOINED_LEAD.search(context.text, max(sentence.start, cue_start - 40), cue_start)
    rule = CONJOINED_VERB if conjoined else PARTICIPLE
    if conjoined and _RELATIVE.search(
        context.text, earlier[-1].cue_end if earlier else sentence.start, cue_start
    ):
        return None  # "..., where Biden expressed concern and emphasized ...": another subject
    content = context.after(cue_end, sentence)
    antecedent = None
    if earlier:
        source, antecedent = earlier[-1].source, earlier[-1].antecedent
    elif not conjoined and _opens(context, match):
        subject = _subject_after(context, cue_end, sentence.end)
        if subject is None:
            return None
        source = mention(subject, "np", 0, context.lexicon)
        content = context.trimmed(content[0], subject.start("np"))
    else:
        subject = _subject(context, sentence.start, cue_start)
        if subject is None:
            return None
        source = mention(subject, "np", 0, context.lexicon)
    stance = context.stance(_word(match))
    return Draft(source, cue_start, cue_end, stance, rule, *content, antecedent=antecedent)


def _subject_after(context: Context, start: int, end: int) -> re.Match[str] | None:
    """The subject of the main clause after an opening participial clause: right after its
    first comma ("Noting that ..., the billionaire mogul offered ...")."""
    comma = context.text.find(",", start, end)
    if comma < 0:
        return None
    subject = context.patterns.subject.match(context.text, comma + 1, end)
    return None if subject is None or subject.group("pronoun") in ("I", "we", "We") else subject


def _subject(context: Context, start: int, end: int) -> re.Match[str] | None:
    """The subject of the clause that a participle at ``end`` hangs on: at the start of the
    sentence or after a dateline ("WASHINGTON — Sen. Lee ..."), else after the first comma
    that opens a clause with a subject ("In interviews on Sunday, he defended ..., saying
    ...")."""
    subject = context.patterns.subject.match(context.text, start, end)
    if subject is not None:
        return subject
    opening = _OPENING_WORDS.match(context.text, start, end)
    if opening is not None:  # "And then Trump went on the attack, saying ..."
        subject = context.patterns.subject.match(context.text, opening.end(), end)
        if subject is not None:
            return subject
    dateline = _DATELINE.match(context.text, start, end)
    if dateline is not None:
        subject = context.patterns.subject.match(context.text, dateline.end(), end)
        if subject is not None and subject.group("np")[:1].isupper():
            return subject
    comma = context.text.find(",", start, end)
    while comma >= 0:
        subject = context.patterns.subject.match(context.text, comma + 1, end)
        if subject is not None and (
            subject.group("np")[:1].isupper()
            or subject.group("np") in ("he", "she", "they", "it", "we")
            or _DETERMINED.match(subject.group("np"))  # "In May, a judge sided ..., saying"
        ):
            return subject
        comma = context.text.find(",", comma + 1, end)
    return None


def according_drafts(context: Context) -> list[Draft]:
    """ "..., according to X." and "According to X, ..." """
    drafts = []
    for match in context.matches(context.patterns.according):
        sentence = context.sentence(match.start())
        if match.end() > sentence.end:
            continue
        source = mention(match, "np", 0, context.lexicon)
        if _LEADING_DETERMINER.sub("", source.text).lower() in context.lexicon.not_sources:
            continue  # "according to plan"
        if context.text[sentence.start : match.start()].strip():
            content = context.before(sentence, match.start())
        else:
            content = context.after(match.end(), sentence)
        drafts.append(Draft(source, *match.span("cue"), NEUTRAL, ACCORDING_TO, *content))
    return drafts


def nominal_drafts(context: Context) -> list[Draft]:
    """ "In a statement, the ministry defended ...", "In remarks to donors, the mayor ...": a
    nominal cue in the phrase that opens the sentence, credited to the subject after it."""
    text, patterns = context.text, context.patterns
    drafts = []
    for opener in _OPENER.finditer(text):
        sentence = context.sentence(opener.start())
        if _OPENING_MARKS.match(text, sentence.start, opener.start()) is None:
            continue
        cue = patterns.nominal.search(text, opener.start(), opener.end())
        subject = patterns.subject.match(text, opener.end(), sentence.end)
        if cue is None or subject is None:
            continue
        source = mention(subject, "np", 0, context.lexicon)
        content = context.trimmed(subject.end("np"), sentence.end)
        drafts.append(Draft(source, *cue.span(), NEUTRAL, STATEMENT, *content))
    return drafts


def without_repeated_subjects(drafts: list[Draft]) -> list[Draft]:
    """The drafts of a sentence without nominal cues whose subject another cue of the sentence
    credits already ("In an interview, Trump said ...": the verb is the cue)."""
    verbs = {draft.source.start for draft in drafts if draft.rule != STATEMENT and draft.source}
    return [
        draft
        for draft in drafts
        if draft.rule != STATEMENT or draft.source is None or draft.source.start not in verbs
    ]


def citing_drafts(context: Context) -> list[Draft]:
    """ "X, citing Y, ...": Y's content is filled in by ``link_citations``."""
    drafts = []
    for match in context.matches(context.patterns.citing):
        if match.end() > context.sentence(match.start()).end:
            continue
        source = mention(match, "np", 0, context.lexicon)
        drafts.append(Draft(source, *match.span("cue"), NEUTRAL, CITING, -1, -1))
    return drafts


def report_drafts(context: Context) -> list[Draft]:
    """ "Reports emerged indicating that ..." """
    drafts = []
    for match in context.matches(context.patterns.reports):
        sentence = context.sentence(match.start())
        start, end = match.span("np")
        source = Mention(start, end, match.group("np"), UNATTRIBUTED_REPORT, "reports", "other")
        content = context.after(match.end(), sentence)
        drafts.append(Draft(source, *match.span("cue"), NEUTRAL, REPORTS_EMERGED, *content))
    return drafts


def distancing_drafts(context: Context) -> list[Draft]:
    """ "Netanyahu is said to have ...", "it is believed that ...", "the reported declaration":
    an implicit source. "X was quoted as saying ..." is credited to X."""
    drafts = []
    for match in context.patterns.distancing.finditer(context.text):
        sentence = context.sentence(match.start())
        cue = " ".join(match.group("cue").lower().split())
        source: Mention = Mention(-1, -1, "", IMPLICIT, "", "other")
        if cue.endswith("as saying"):
            back = _back(
                context, _window(context.text, sentence.start, match.start()), match.start()
            )
            if back is None:
                continue
            source = mention(back, "np", 0, context.lexicon)
        if cue.endswith("reported"):
            content = context.trimmed(match.end(), sentence.end)
        else:
            content = context.after(match.end(), sentence)
        drafts.append(Draft(source, *match.span("cue"), NEUTRAL, DISTANCING, *content))
    return drafts


def link_citations(context: Context, sentence: Span, drafts: list[Draft]) -> list[Draft]:
    """Give each citing attribution of a sentence the content of the attribution it supports."""
    partners = [draft for draft in drafts if draft.rule != CITING]
    linked = []
    for draft in drafts:
        if draft.rule == CITING:
            if partners:
                nearest = min(partners, key=lambda other: abs(other.cue_start - draft.cue_start))
                content = nearest.content_start, nearest.content_end
            else:
                content = context.before(sentence, draft.cue_start)
            draft = replace(draft, content_start=content[0], content_end=content[1])
        linked.append(draft)
    return linked


def cut_contents(context: Context, drafts: list[Draft]) -> list[Draft]:
    """End content that follows its cue where the next attribution of the sentence begins."""
    cut = []
    for draft in drafts:
        if draft.content_start >= draft.cue_end:
            stops = [
                position
                for other in drafts
                if other is not draft
                for position in (other.cue_start, other.source.start if other.source else -1)
                if draft.content_start < position < draft.content_end
            ]
            if stops:
                tail = _TRAILING.search(context.text, draft.content_start, min(stops))
                end = tail.start() if tail is not None else min(stops)
                start, end = context.trimmed(draft.content_start, end)
                draft = replace(draft, content_start=start, content_end=end)
        cut.append(draft)
    return cut
