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
  (wider war), "refrain from retaliation" (retaliation), "urged Israel not to retaliate".
* **The nearest cue decides.** Only the last cue before the match is read (as in NegEx): if it
  is a pseudo-negation or a cancelled cue (below), the match is not negated, even when an
  earlier cue would reach it.
* **Clause boundaries end a scope** (Councill et al. 2010 end a negation's scope at the next
  punctuation; NegEx at "but" and similar terminators): ``. ! ? ; : ,`` (a comma or period only
  before white space, so "1,000" and "U.S." do not count), brackets, double quotes, dashes,
  line breaks, and the words *but, however, although, though, yet, while, whereas, because,
  since, unless, until, after, before, when, where, which, who, whom, whose, that, whether, if,
  how, why, what, and, except, despite, amid, following, nevertheless, nonetheless, meanwhile,
  instead*. "and" ends a scope ("will not join any counterattack and urged restraint": restraint
  is not negated) but "or" and "nor" do not, since negation distributes over a disjunction
  ("will not join or support any retaliation": both negated). Coordinated objects after "and"
  are therefore missed ("no deaths and injuries"); that is the price of the rule.
* **Pseudo-negations** negate nothing and stop the cues before them: "not only", "not just",
  "not merely", "not least", "not to mention", "no doubt", "no wonder", "no matter", "no
  surprise", "no secret", "no less/fewer/more than", "nothing but", "nothing short of", "never
  before", "not the first", "not until", "whether or not", "if not", "without (a) doubt",
  "can't help but" (NegEx's pseudo-negation list, adapted to news prose).
* **Double negation cancels** (litotes; Horn 1989): a cue preceded within ``CANCEL_WORDS`` words
  of the same clause by another cue is cancelled, so "did not rule out retaliation", "cannot be
  ruled out", "without ruling out", "refused to rule out", "not without risk" and "failed to
  prevent a war" negate nothing.
* **Rejection cues** are verbs and phrases whose complement the writer reports as declined,
  denied or kept from happening: "rule out", "refrain from", "no intention/plans/desire of/to",
  "deny" before "plans", "reports", "claims", "intentions" or "that" (but not "denied access to
  aid", where deny means withhold), "reject", "avoid", "prevent", "avert", "head/stave/ward off",
  "stay/keep out of", "steer clear of", "decline to", "refuse to", "instead of", "rather than",
  "warn/caution/urge/advise/argue/decide against", "call off", "hold off (on)", "stop short of",
  "back away/down from". Implicative verbs with a negative entailment (Karttunen 1971) count as
  negation: "fail(ed) to", "failure to", "lack(s) (of)", "absence of".
* **Cues after the match**: a match followed, within ``AFTER_WORDS`` words of its clause, by a
  passive or copular rejection ("retaliation has been ruled out", "a wider war was averted", "a
  military response is off the table") is negated, as NegEx's post-negation triggers. A plain
  "not" after the match is not read: "the attack did not cause damage" does not deny the attack.
* Not handled: negation across sentences, negation by affixes ("unprecedented"), negative
  polarity in questions, and scope decided by syntax rather than word distance (Morante &
  Daelemans 2009 learn it from a parse). Precision on real coverage is measured in
  ``benchmarks/evidence_sample.py``, not assumed.

Speed: the text is scanned once for cues and boundaries (one regular expression each, over the
whole text), then each match costs two binary searches; the scan is cached for the last few texts,
so calling ``find_negation`` for every match of an article scans the article once.

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
AFTER_WORDS = 3
"""How many words may stand between a match and a rejection cue after it."""
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
            "nothing less",
            "nothing short of",
            "never before",
            "never mind",
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
        ),
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
_CUE_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<{group}>{pattern})" for group, _, _, pattern in _CUES)
    + r")(?![\w-])",
    re.IGNORECASE,
)

_TERMINATORS = (
    "but",
    "however",
    "although",
    "though",
    "while",
    "whilst",
    "whereas",
    "because",
    "since",
    "unless",
    "until",
    "till",
    "after",
    "before",
    "when",
    "whenever",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "whether",
    "if",
    "how",
    "why",
    "what",
    "and",
    "except",
    "despite",
    "amid",
    "amidst",
    "following",
    "nevertheless",
    "nonetheless",
    "meanwhile",
    "instead",
)
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Jr")
# A period ends a clause before white space or a closing mark, unless it closes an initial or a
# dotted abbreviation ("U.S.", "John F. Kennedy") or a title ("Mr.").
_PERIOD = (
    r"(?<![\s.][A-Za-z])(?<!^[A-Za-z])"
    + "".join(rf"(?<!\b{title})" for title in _TITLES)
    + r"\.(?=[\s\"'\u201d\u2019)\]]|$)"
)
_BREAK_PATTERN = re.compile(
    r"[;:!?()\[\]{}\"\u201c\u201d\u2014\u2013\u2026\n\r]|,(?=\s)|\s--?\s|"
    + _PERIOD
    + r"|(?<![\w'\u2019-])(?:"
    + "|".join(_TERMINATORS)
    + r")(?![\w'\u2019-])",
    re.IGNORECASE,
)
# Determiners and possessives: in reach "predicate", one between the cue and a hedge puts the
# hedge inside an argument of the negated verb ("did not confirm the number of possible cases").
_DETERMINER_PATTERN = re.compile(
    r"(?<![\w-])(?:the|a|an|this|these|those|his|her|its|their|our|your|my|every|each|some|"
    r"such|(?!(?:it|that|he|she|there|here|what|who|where|let)['\u2019]s)[^\W_]+['\u2019]s)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


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


# Cues that a cue just before them cancels: rejections and the negative implicatives ("did not
# rule out", "not without", "did not fail to"). Plain negators are never cancelled: "neither ...
# nor", "no, not ..." stay negative.
_CANCELLABLE = frozenset(
    group
    for group, rule, kind, _ in _CUES
    if kind in (REJECTION, _AFTER)
    or rule in ("negation:without", "negation:fail_to", "negation:lack")
)


@dataclass(frozen=True, slots=True, eq=False)
class NegationScan:
    """The negation cues and clause boundaries of one text, to ask about many matches.

    Build it with ``scan_negations(text)``; ``find(start, end)`` answers for ``text[start:end]``.
    """

    text: str
    _before: tuple[_Cue, ...]
    _before_ends: tuple[int, ...]
    _after: tuple[_Cue, ...]
    _after_starts: tuple[int, ...]
    _breaks: tuple[int, ...]
    _determiners: tuple[int, ...]

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
                    if self._same_clause(cue.end, start, SCOPE_WORDS):
                        return self._negation(cue)
                elif self._same_clause(cue.end, start, PREDICATE_WORDS) and not _within(
                    self._determiners, cue.end, start
                ):
                    return self._negation(cue)
        index = bisect_left(self._after_starts, end)
        if reach == COMPLEMENT and index < len(self._after):
            cue = self._after[index]
            if not cue.cancelled and self._same_clause(end, cue.start, AFTER_WORDS):
                return self._negation(cue)
        return None

    def _same_clause(self, left: int, right: int, most_words: int) -> bool:
        """True when ``text[left:right]`` holds no clause boundary and at most ``most_words``."""
        if _within(self._breaks, left, right):
            return False
        return len(_WORD.findall(self.text, left, right)) <= most_words

    def _negation(self, cue: _Cue) -> Negation:
        return Negation(cue.start, cue.end, self.text[cue.start : cue.end], cue.rule)


def scan_negations(text: str) -> NegationScan:
    """Scan ``text`` once for negation cues and clause boundaries (cached for recent texts)."""
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


def _within(offsets: tuple[int, ...], left: int, right: int) -> bool:
    """True when some offset of the sorted ``offsets`` lies in ``[left, right)``."""
    index = bisect_left(offsets, left)
    return index < len(offsets) and offsets[index] < right


@lru_cache(maxsize=8)
def _scan(text: str) -> NegationScan:
    breaks = tuple(match.start() for match in _BREAK_PATTERN.finditer(text))
    determiners = tuple(match.start() for match in _DETERMINER_PATTERN.finditer(text))
    scan = NegationScan(text, (), (), (), (), breaks, determiners)
    before: list[_Cue] = []
    after: list[_Cue] = []
    previous: _Cue | None = None
    for match in _CUE_PATTERN.finditer(text):
        group = match.lastgroup
        assert group is not None  # every alternative is a named group
        rule, kind = _RULES[group]
        start, end = match.span()
        cancelled = (
            group in _CANCELLABLE
            and previous is not None
            and previous.kind in (NEGATION, REJECTION)
            and not previous.cancelled
            and scan._same_clause(previous.end, start, CANCEL_WORDS)
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
        breaks,
        determiners,
    )
