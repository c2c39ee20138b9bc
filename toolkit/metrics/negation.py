"""Negation and rejection scope: is a lexicon match denied, ruled out or rejected where it stands?

One mechanism for every lexicon family (hedges, frames, labels, actor roles): a match
``text[start:end]`` is *negated* when it lies in the scope of a negation cue ("not", "no",
"never", "n't", "without", ...) or of a rejection cue ("rule out", "refrain from", "no intention
of", "deny ... plans", "avoid", "stay out of", ...). ``find_negation(text, start, end)`` returns
the cue as a ``Negation`` record (offsets, words and a rule id such as ``"negation:not"`` or
``"rejection:rule_out"``), or None when the match is not negated. What a family does with a
negated match is its own business (hedging reports negated hedges apart; see
``toolkit.metrics.guards.not_negated``).

The method is NegEx (Chapman et al. 2001): a list of cue phrases, a list of *pseudo-negations*
that look like cues but negate nothing, a forward scope of a few words after each cue that ends
at a clause boundary, and a few cues that negate what comes before them. Decisions, with the
reasons, so that published counts can be interpreted:

* **Scope runs forward from the cue** over at most ``SCOPE_WORDS`` words to the start of the
  match, within the same clause. Chapman et al. (2001) used five words after the cue; the
  annotated scopes of Morante & Daelemans (2012, *SEM shared task guidelines) span the negated
  predicate *with its complements*, so a frame noun that is the object of a negated verb is in
  scope: "will not join any Israeli counterattack" (counterattack), "not looking for a wider war"
  (wider war), "refrain from retaliation" (retaliation), "urged Israel not to retaliate". This
  is reach ``"complement"``, the default, for frames, labels and actors.
* **A hedge is negated only as the negated predicate** (reach ``"predicate"``): "not likely",
  "does not appear to", "no one seems", "refused to speculate". A hedge inside an argument of the
  negated verb still hedges ("did not discuss a possible motive", "to avoid a potential
  crisis"): for hedges the scope is at most ``PREDICATE_WORDS`` words and ends at a determiner or
  possessive ("a", "the", "his", "Iran's", ...; not "any", which after a negator belongs to it:
  "does not have any doubts"), and cues after the match are not read. Hyland (2005) counts a
  negated hedge as no longer expressing doubt; reading 40 hedges that the wider scope negated on
  AllSides, most were such arguments, which is why hedges have a reach of their own.
* **The nearest cue decides.** Only the last cue before the match is read (as in NegEx): if it
  is a pseudo-negation or a cancelled cue (below), the match is not negated, even when an
  earlier cue would reach it.
* **Clause boundaries end a scope** (Councill et al. 2010 end a negation's scope at the next
  punctuation; NegEx at "but" and similar terminators): ``. ! ? ; : ,`` (a comma or period only
  before white space, so "1,000" and "U.S." do not count), brackets, double quotes, dashes,
  ellipses, line breaks, and the words *but, however, although, though, while, whereas, because,
  since, unless, until, after, before, when, where, which, who, whom, whose, that, whether, if,
  how, why, what, and, except, despite, amid, following, nevertheless, nonetheless, meanwhile,
  instead, beyond, besides, apart, aside, than* ("has not taken action beyond giving aid": the
  aid was given; "no adjustments other than for inflation"). "and" ends a scope ("will not join
  any counterattack and urged restraint": restraint is not negated) but "or" and "nor" do not,
  since negation distributes over a disjunction ("will not join or support any retaliation":
  both negated). Coordinated objects after "and" are therefore missed ("no deaths and
  injuries"); that is the price of the rule. "yet" is not a terminator ("has not yet
  responded").
* **Pseudo-negations** negate nothing and stop the cues before them: "not only", "not just",
  "not merely", "not least", "not to mention", "no doubt", "no wonder", "no matter", "no
  surprise", "no secret", "no less/fewer/more than", "nothing but", "nothing more than",
  "nothing short of", "(to) say nothing of", "never before", "not the first", "not until",
  "whether or not", "if not", "without (a) doubt", "can't help but", "not/never hesitate"
  ("did not hesitate to retaliate": it retaliated) (NegEx's pseudo-negation list, adapted to
  news prose), also after "n't" ("isn't just", "wasn't the first", "didn't hesitate").
* **Double negation cancels** (litotes; Horn 1989): a rejection cue or a negative implicative
  ("without", "fail to", "lack") preceded within ``CANCEL_WORDS`` words of the same clause by
  another cue is cancelled, so "did not rule out retaliation", "cannot be ruled out", "without
  ruling out", "refused to rule out", "not without risk" and "failed to prevent a war" negate
  nothing. Plain negators are never cancelled: "neither Tehran nor Washington" stays negative.
* **Rejection cues** are verbs and phrases whose complement the writer reports as declined,
  denied or kept from happening: "rule out", "refrain from", "no intention/plans/desire of/to",
  "deny" before "plans", "reports", "claims", "intentions" or "that" (but not "denied access to
  aid", where deny means withhold), "reject", "avoid", "prevent", "avert", "head/stave/ward off",
  "stay/keep out of", "steer clear of", "decline to", "refuse to", "instead of", "rather than",
  "warn/caution/urge/advise/argue/decide against", "call off", "hold off (on)", "stop short of",
  "back away/down from". Implicative verbs with a negative entailment (Karttunen 1971) count as
  negation: "fail(ed) to", "failure to", "lack(s) (of)", "absence of".
* **Cues after the match**: a match followed by a passive or copular rejection, with at most
  ``AFTER_WORDS`` auxiliaries between ("retaliation has been ruled out", "a wider war was
  averted", "tariffs could be avoided", "a military response is off the table") is negated, as
  NegEx's post-negation triggers. Only auxiliaries may stand between, so that the rejection is
  the match's own predicate ("he hoped tariffs could be avoided" does not negate "hoped"). A
  plain "not" after the match is not read: "the attack did not cause damage" does not deny the
  attack.
* Not handled: negation across sentences, negation by affixes ("unprecedented"), negative
  polarity in questions, and scope decided by syntax rather than word distance (Morante &
  Daelemans 2009 learn it from a parse). Precision on real coverage is measured in
  ``benchmarks/evidence_sample.py``, not assumed.

Speed: the text is scanned once for cues (``scan_negations``, cached for the last few texts, so
calling ``find_negation`` for every match of an article scans the article once); a match then
costs a binary search, and clause boundaries are read only in the few words between a match and
a cue close enough to negate it. Measured on the first 1,000 AllSides articles (932,770 words,
132,361 matches of the frame, label and actor codebooks) on the 2-core machine, lightly loaded:
the scan runs at about 2.2 million words/s, a look-up takes about 1.7 microseconds, and both
together cost 3.5% of ``measure_article`` on the same articles.

References: Chapman, W. W., Bridewell, W., Hanbury, P., Cooper, G. F., & Buchanan, B. G. (2001).
A simple algorithm for identifying negated findings and diseases in discharge summaries. Journal of
Biomedical Informatics 34(5), 301-310. Morante, R., & Daelemans, W. (2009). A metalearning
approach to processing the scope of negation. CoNLL 2009, 21-29. Morante, R., & Daelemans, W.
(2012). ConanDoyle-neg: Annotation of negation in Conan Doyle stories. LREC 2012. Councill, I.,
McDonald, R., & Velikovich, L. (2010). What's great and what's not: Learning to classify the scope
of negation for improved sentiment analysis. Workshop on Negation and Speculation in NLP, 51-59.
Karttunen, L. (1971). Implicative verbs. Language 47(2), 340-358. Horn, L. R. (1989). A Natural
History of Negation. University of Chicago Press.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from toolkit.errors import ParameterError

SCOPE_WORDS = 6
"""How many words may stand between a cue and the match it negates (NegEx used five)."""
PREDICATE_WORDS = 3
"""The same for reach ``"predicate"`` (hedges): "not very likely", "does not seem to"."""
AFTER_WORDS = 2
"""How many words may stand between a match and a rejection cue after it: auxiliaries only."""
CANCEL_WORDS = 2
"""A cue this many words or fewer after another cue of the same clause is cancelled by it."""

NEGATION = "negation"
REJECTION = "rejection"
COMPLEMENT = "complement"
"""Reach of a negated predicate over its complements: frames, labels, actors (the default)."""
PREDICATE = "predicate"
"""Reach of a negated predicate and its modifiers only: hedges."""
REACHES = (COMPLEMENT, PREDICATE)
_PSEUDO = "pseudo"
_AFTER = "after"

_S = r"\s+"


def _words(*forms: str) -> str:
    return "|".join(form.replace(" ", _S) for form in forms)


def _verb(stem: str, *endings: str) -> str:
    return f"{stem}(?:{'|'.join(endings)})"


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie (shared prefixes written once)."""
    if words == [""]:
        return ""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rests in groups.items():
        if not first:
            continue
        tail = _trie([rest for rest in rests if rest]) if any(rests) else ""
        optional = "" in rests and any(rests)
        branches.append(re.escape(first) + (f"(?:{tail})?" if optional else tail))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# (group name, rule id, kind, pattern). The alternation tries groups in this order at each
# position, so a pseudo-negation ("not only") wins over its cue ("not") and a rejection phrase
# ("no intention of") over its first word ("no").
_CUES: tuple[tuple[str, str, str, str], ...] = (
    (
        "pseudo",
        "pseudo",
        _PSEUDO,
        _words(
            "not only",
            "not just",
            "not merely",
            "not simply",
            "not least",
            "not to mention",
            "not surprisingly",
            "not for the first time",
            "not the first",
            "not unlike",
            "not until",
            "not more than",
            "not less than",
            "no doubt",
            "no wonder",
            "no surprise",
            "no matter",
            "no secret",
            "no less",
            "no fewer",
            "no more than",
            "no later than",
            "no sooner",
            "no stranger",
            "nothing but",
            "nothing more than",
            "nothing other than",
            "says nothing of",
            "say nothing of",
            "nothing less",
            "nothing short of",
            "never before",
            "never mind",
            "not hesitate",
            "never hesitate",
            "never hesitated",
            "whether or not",
            "or not",
            "if not",
            "without a doubt",
            "without doubt",
            "without question",
            "can't help but",
            "can\u2019t help but",
            "cannot help but",
            "couldn't help but",
            "couldn\u2019t help but",
        )
        + r"|(?:isn|wasn|aren|weren|don|doesn|didn)['\u2019]t\s+"
        + r"(?:only|just|merely|simply|the\s+first|hesitate)",
    ),
    (
        "after_rule_out",
        "rejection:rule_out",
        _AFTER,
        r"(?:is|are|was|were|be|been|being)\s+(?:(?:now|all\s+but|largely|effectively|firmly|"
        r"formally|officially|quickly|since|publicly)\s+)?ruled\s+out",
    ),
    (
        "after_off_table",
        "rejection:off_the_table",
        _AFTER,
        r"(?:is|are|was|were|be|been|being)\s+(?:(?:now|firmly|clearly|still)\s+)?off\s+the\s+table",
    ),
    (
        "after_prevent",
        "rejection:prevent",
        _AFTER,
        r"(?:is|are|was|were|be|been|being)\s+(?:(?:now|narrowly|largely|successfully|"
        r"effectively)\s+)?(?:averted|avoided|prevented|headed\s+off|staved\s+off)",
    ),
    (
        "after_reject",
        "rejection:reject",
        _AFTER,
        r"(?:is|are|was|were|be|been|being)\s+(?:(?:now|firmly|flatly|formally|officially|"
        r"publicly)\s+)?(?:rejected|denied|called\s+off|shelved|scrapped)",
    ),
    ("rule_out", "rejection:rule_out", REJECTION, _verb("rul", "e", "es", "ed", "ing") + r"\s+out"),
    ("refrain", "rejection:refrain_from", REJECTION, r"refrain(?:s|ed|ing)?\s+from"),
    (
        "no_intention",
        "rejection:no_intention",
        REJECTION,
        r"no\s+(?:intention|intentions|plans?|interest|desire|appetite|wish)\s+(?:of|to|for|in)",
    ),
    (
        "deny",
        "rejection:deny",
        REJECTION,
        r"den(?:y|ies|ied|ying)\s+(?:that|(?:(?:any|the|having|making|reports?\s+of)\s+)?"
        r"(?:plans?|reports?|claims?|intentions?|rumou?rs?|allegations?))",
    ),
    ("reject", "rejection:reject", REJECTION, r"reject(?:s|ed|ing)?|rejection\s+of"),
    ("avoid", "rejection:avoid", REJECTION, r"avoid(?:s|ed|ing)?|avoidance\s+of"),
    (
        "prevent",
        "rejection:prevent",
        REJECTION,
        r"prevent(?:s|ed|ing)?|prevention\s+of|avert(?:s|ed|ing)?|forestall(?:s|ed|ing)?|"
        r"(?:head|heads|headed|heading|stave|staves|staved|staving|ward|wards|warded|warding)"
        r"\s+off",
    ),
    (
        "stay_out",
        "rejection:stay_out_of",
        REJECTION,
        r"(?:stay|stays|stayed|staying|keep|keeps|kept|keeping)\s+out\s+of|"
        r"steer(?:s|ed|ing)?\s+clear\s+of",
    ),
    ("refuse", "rejection:refuse_to", REJECTION, r"(?:declin|refus)(?:e|es|ed|ing)\s+to"),
    ("instead", "rejection:instead_of", REJECTION, r"instead\s+of|rather\s+than"),
    (
        "against",
        "rejection:warn_against",
        REJECTION,
        r"(?:warn(?:s|ed|ing)?|caution(?:s|ed|ing)?|urg(?:e|es|ed|ing)|advis(?:e|es|ed|ing)|"
        r"argu(?:e|es|ed|ing)|decid(?:e|es|ed|ing))\s+against",
    ),
    (
        "hold_off",
        "rejection:hold_off",
        REJECTION,
        r"(?:call|calls|called|calling)\s+off|(?:hold|holds|held|holding)\s+off(?:\s+on)?|"
        r"(?:stop|stops|stopped|stopping)\s+short\s+of|"
        r"(?:back|backs|backed|backing)\s+(?:away|down)\s+from",
    ),
    ("fail_to", "negation:fail_to", NEGATION, r"fail(?:s|ed|ing)?\s+to|failure\s+to"),
    ("lack", "negation:lack", NEGATION, r"lack(?:s|ed|ing)?(?:\s+of)?|absence\s+of"),
    ("none", "negation:none", NEGATION, r"no[\s-]+one|nobody|nothing|none|nowhere"),
    ("neither", "negation:neither_nor", NEGATION, r"neither|nor"),
    (
        "not",
        "negation:not",
        NEGATION,
        r"not|cannot|(?:don|doesn|didn|isn|aren|wasn|weren|hasn|haven|hadn|won|wouldn|couldn|"
        r"shouldn|can|mustn|needn|mightn|ain)['\u2019]t",
    ),
    ("no", "negation:no", NEGATION, r"no"),
    ("never", "negation:never", NEGATION, r"never"),
    ("without", "negation:without", NEGATION, r"without"),
    ("hardly", "negation:hardly", NEGATION, r"hardly|scarcely"),
)
_RULES = {group: (rule, kind) for group, rule, kind, _ in _CUES}
# Cues that a cue just before them cancels: rejections and the negative implicatives ("did not
# rule out", "not without", "did not fail to"). Plain negators are never cancelled: "neither ...
# nor", "no, not ..." stay negative.
_CANCELLABLE = frozenset(
    group
    for group, rule, kind, _ in _CUES
    if kind in (REJECTION, _AFTER)
    or rule in ("negation:without", "negation:fail_to", "negation:lack")
)

# The words a cue is found by (tests/metrics/test_negation.py reaches every cue): its first word,
# the stem of its "n't" ("don't"), the participle of a cue after the match ("was [averted]", whose
# copula is then looked for before it), or "not" of "or not", "if not", "whether or not".
_CUE_WORDS_TEXT = (
    "not no nothing never without cannot say says "
    "rule rules ruled ruling refrain refrains refrained refraining "
    "deny denies denied denying reject rejects rejected rejecting rejection "
    "avoid avoids avoided avoiding avoidance prevent prevents prevented preventing prevention "
    "avert averts averted averting forestall forestalls forestalled forestalling "
    "head heads headed heading stave staves staved staving ward wards warded warding "
    "stay stays stayed staying keep keeps kept keeping steer steers steered steering "
    "decline declines declined declining refuse refuses refused refusing instead rather "
    "warn warns warned warning caution cautions cautioned cautioning urge urges urged urging "
    "advise advises advised advising argue argues argued arguing decide decides decided deciding "
    "call calls called calling hold holds held holding stop stops stopped stopping "
    "back backs backed backing fail fails failed failing failure lack lacks lacked lacking "
    "absence nobody none nowhere neither nor hardly scarcely off shelved scrapped"
)
_CUE_WORDS = _CUE_WORDS_TEXT.split()
_NT_STEMS_TEXT = (
    "don doesn didn isn aren wasn weren hasn haven hadn won wouldn couldn shouldn can mustn "
    "needn mightn ain"
)
_NT_STEMS = _NT_STEMS_TEXT.split()
_AFTER_WORDS = frozenset(
    (
        "ruled",
        "off",
        "averted",
        "avoided",
        "prevented",
        "headed",
        "staved",
        "rejected",
        "denied",
        "called",
        "shelved",
        "scrapped",
    )
)
# The scan runs on " " + _fold(text) (lower case, the same length: offset i there is offset i - 1
# in the text). It finds the words above by one trie-shaped alternation after a word boundary
# (the regular expression engine then skips along the text as fast as the lexicon matcher does)
# and tries the cue patterns only there: trying every alternative at every position would cost
# more than the lexicon matching the scan serves.
_CUE_START_PATTERN = re.compile(
    r"[^a-z0-9_\-](?<![\w-])(?:"
    + _trie(sorted(set(_CUE_WORDS)))
    + "|"
    + _trie(sorted(_NT_STEMS))
    + r"['\u2019]t)(?![a-z0-9_])"
)
_COPULA_BEFORE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+|now\s+|since\s+|still\s+)?\Z"
)
_PSEUDO_BEFORE_NOT = re.compile(r"(?<![\w-])(?:whether\s+or|or|if)\s+\Z")
_LOOK_BACK = 40
_CUE_PATTERN = re.compile(
    "(?:" + "|".join(f"(?P<{group}>{pattern})" for group, _, _, pattern in _CUES) + r")(?![\w-])"
)

_TERMINATORS_TEXT = (
    "but however although though while whilst whereas because since unless until till after "
    "before when whenever where which who whom whose that whether if how why what and except "
    "despite amid amidst following nevertheless nonetheless meanwhile instead beyond besides "
    "apart aside than"
)
_TERMINATORS = _TERMINATORS_TEXT.split()
# What ends a clause between a cue and a match: a terminator word ("that", not "that's") or
# punctuation (a comma or period only before white space, so not "1,000"; a period after an
# initial, a dotted abbreviation or a title is filtered out by _ABBREVIATION), or a spaced dash.
_TERMINATOR_WORDS = frozenset(_TERMINATORS)
_AUXILIARIES_TEXT = (
    "has have had could would can will may might must should shall also now since then already "
    "effectively largely"
)
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())
_BREAK_PATTERN = re.compile(
    r"[;:!?()\[\]{}\"\u201c\u201d\u2014\u2013\u2026\n\r]|,(?=\s)|-(?<=\s-)-?(?=\s)|"
    r"(?P<period>\.)(?=[\s\"'\u201d\u2019)\]]|$)"
)
_ABBREVIATION = re.compile(
    r"(?:^|[\s.])[a-z]|(?:^|[^\w-])(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|jr)",
    re.IGNORECASE,
)
_TOKEN = 5
# Determiners and possessives: in reach "predicate", one between the cue and a hedge puts the
# hedge inside an argument of the negated verb ("did not confirm the number of possible cases").
# "any" is not among them: after a negator it belongs to the negation ("not any", "no").
_DETERMINER_PATTERN = re.compile(
    r"(?<![\w-])(?:the|a|an|this|these|those|his|her|its|their|our|your|my|every|each|some|such"
    r"|(?!(?:it|that|he|she|there|here|what|who|where|let)['\u2019])[^\W_]+['\u2019]s)(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_GAP_CHARS = 16
"""Characters a word of a scope may take on average: a longer gap is not read word by word."""


@dataclass(frozen=True, slots=True)
class Negation:
    """The cue that negates a match: ``text == source[start:end]`` for the scanned ``source``.

    ``rule`` is ``"negation:<cue>"`` for a negator ("not", "no", "never", "n't", "without",
    ...) or ``"rejection:<cue>"`` for a rejection ("rule out", "refrain from", "avoid", ...).
    """

    start: int
    end: int
    text: str
    rule: str

    @property
    def kind(self) -> str:
        """``"negation"`` or ``"rejection"``."""
        return self.rule.partition(":")[0]


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    rule: str
    kind: str
    cancelled: bool


@dataclass(frozen=True, slots=True, eq=False)
class NegationScan:
    """The negation cues of one text, to ask about many matches.

    Build it with ``scan_negations(text)``; ``find(start, end)`` answers for ``text[start:end]``.
    Clause boundaries are read only between a cue and a match that it could negate.
    """

    text: str
    _before: tuple[_Cue, ...]
    _before_ends: tuple[int, ...]
    _after: tuple[_Cue, ...]
    _after_starts: tuple[int, ...]

    def find(self, start: int, end: int, *, reach: str = COMPLEMENT) -> Negation | None:
        """The cue that negates ``text[start:end]``, or None (see the module docstring).

        ``reach`` is ``"complement"`` (frames, labels, actors: "will not join any
        counterattack") or ``"predicate"`` (hedges: "not likely", but not "a possible motive"
        in "did not discuss a possible motive").
        """
        if reach not in REACHES:
            raise ParameterError(
                f"The 'reach' parameter of find_negation must be one of {set(REACHES)}. "
                f"Got {reach!r} instead."
            )
        if not 0 <= start <= end <= len(self.text):
            raise ParameterError(
                "The 'start' and 'end' parameters of find_negation must satisfy "
                f"0 <= start <= end <= len(text) = {len(self.text)}. Got start={start} and "
                f"end={end} instead."
            )
        index = bisect_right(self._before_ends, start) - 1
        if index >= 0:
            cue = self._before[index]
            if cue.kind != _PSEUDO and not cue.cancelled:
                if reach == COMPLEMENT:
                    if _same_clause(self.text, cue.end, start, SCOPE_WORDS):
                        return self._negation(cue)
                elif _same_clause(self.text, cue.end, start, PREDICATE_WORDS) and not (
                    _DETERMINER_PATTERN.search(self.text, cue.end, start)
                ):
                    return self._negation(cue)
        index = bisect_left(self._after_starts, end)
        if reach == COMPLEMENT and index < len(self._after):
            cue = self._after[index]
            if not cue.cancelled and _auxiliaries_only(self.text, end, cue.start):
                return self._negation(cue)
        return None

    def _negation(self, cue: _Cue) -> Negation:
        return Negation(cue.start, cue.end, self.text[cue.start : cue.end], cue.rule)


def scan_negations(text: str) -> NegationScan:
    """Scan ``text`` once for negation cues (cached for the last few texts)."""
    if not isinstance(text, str):
        raise ParameterError(
            f"The 'text' parameter of scan_negations must be a str. Got {type(text).__name__} "
            "instead."
        )
    return _scan(text)


def find_negation(text: str, start: int, end: int, *, reach: str = COMPLEMENT) -> Negation | None:
    """The negation or rejection cue whose scope holds ``text[start:end]``, or None.

    ``reach`` is ``"complement"`` (the default: frames, labels, actors) or ``"predicate"``
    (hedges). See the module docstring for the cues, the scope and the pseudo-negations.
    """
    return scan_negations(text).find(start, end, reach=reach)


def _auxiliaries_only(text: str, left: int, right: int) -> bool:
    """True when ``text[left:right]`` is at most ``AFTER_WORDS`` auxiliaries ("has", "could")."""
    if right - left > _GAP_CHARS * (AFTER_WORDS + 1):
        return False
    words = text[left:right].split()
    return len(words) <= AFTER_WORDS and all(word.lower() in _AUXILIARIES for word in words)


def _same_clause(text: str, left: int, right: int, most_words: int) -> bool:
    """True when ``text[left:right]`` holds at most ``most_words`` words and no clause boundary."""
    if right - left > _GAP_CHARS * (most_words + 1):
        return False
    # Words as runs of non-space: punctuation stuck to a word is a boundary found below anyway.
    words = text[left:right].split()
    if len(words) > most_words or any(word.lower() in _TERMINATOR_WORDS for word in words):
        return False
    for found in _BREAK_PATTERN.finditer(text, left, right):
        if found.group("period") is None or not _ABBREVIATION.fullmatch(
            _last_token(text, found.start())
        ):
            return False
    return True


@lru_cache(maxsize=8)
def _scan(text: str) -> NegationScan:
    padded = " " + _fold(text)
    before: list[_Cue] = []
    after: list[_Cue] = []
    previous: _Cue | None = None
    next_free = 0
    for candidate in _CUE_START_PATTERN.finditer(padded):
        position = candidate.start() + 1
        word = candidate.group()[1:]
        lead = None
        if word in _AFTER_WORDS:
            lead = _COPULA_BEFORE.search(padded, max(0, position - _LOOK_BACK), position)
        elif word == "not":
            lead = _PSEUDO_BEFORE_NOT.search(padded, max(0, position - _LOOK_BACK), position)
        match = None
        if lead is not None and lead.start() >= next_free:
            match = _CUE_PATTERN.match(padded, lead.start())
            if match is not None:
                position = lead.start()
        if match is None:
            if position < next_free:
                continue
            match = _CUE_PATTERN.match(padded, position)
        if match is None:
            continue
        group = match.lastgroup
        assert group is not None  # every alternative is a named group
        next_free = match.end()
        rule, kind = _RULES[group]
        start, end = position - 1, match.end(group) - 1
        cancelled = (
            group in _CANCELLABLE
            and previous is not None
            and previous.kind in (NEGATION, REJECTION)
            and not previous.cancelled
            and _same_clause(text, previous.end, start, CANCEL_WORDS)
        )
        cue = _Cue(start, end, rule, kind, cancelled)
        if kind == _AFTER:
            after.append(cue)
        else:
            before.append(cue)
        previous = cue
    return NegationScan(
        text,
        tuple(before),
        tuple(cue.end for cue in before),
        tuple(after),
        tuple(cue.start for cue in after),
    )


def _fold(text: str) -> str:
    """``text`` in lower case with every offset kept (the dotted capital I becomes "i")."""
    folded = text.replace("\u0130", "i").lower()
    if len(folded) == len(text):
        return folded
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _last_token(text: str, end: int) -> str:
    """The character before the word that ends at ``end`` (up to 5 letters) and that word."""
    start = end
    while start > 0 and end - start < _TOKEN and text[start - 1].isalpha():
        start -= 1
    return text[max(0, start - 1) : end]
