"""Actor salience: which actors a story names, how early and how often, and who does what to whom.

Salience is what a text makes noticeable (Entman 1993): an actor named in the headline, in the
lead, first or most often is made more prominent; an actor named as the agent of an action ("Iran
launched", "Iran's attack") is cast as the one who acts, one named as its target ("attacked
Israel", "strikes on Iran", "Israel was attacked") as the one acted upon (the semantic roles of
van Atteveldt et al. 2008, here from simple word-order rules instead of a parser). Actors and
action verbs come from an actor codebook (the built-in ``actors`` unless a researcher's own is
given): one category per actor, plus the category ``actions``.

Role rules, applied within one sentence (no parser: these are transparent approximations that a
coder can check in the evidence):

* agent: the actor is followed by a verb of action, optionally after a possessive ('s) and up to
  a few auxiliaries or adverbs ("Israel has struck", "Iran reportedly launched", "Iran's
  attack", "Israel was attacking"), or follows "<action> by" ("attacked by Iran");
* target: the actor directly follows a verb of action ("attacked Israel"), or follows one and a
  preposition (on, against, at, into, upon, toward(s)) with up to three words between ("fired
  missiles at Israel", "strikes on Iran"), or precedes a passive one ("Israel was attacked").

Measures, for each actor ``<a>`` (category ``<a>``), counts being sums of entry weights in the
whole article (headline and body), the headline and the lead, and rates per 1,000 words of the
article (NaN for an article without words):

* ``count`` / ``per_1k``: mentions;
* ``agent_count`` / ``agent_per_1k`` and ``target_count`` / ``target_per_1k``: mentions as agent
  or target of an action;
* ``first``: 1 when the actor is the first named in the article (headline first), else 0;
  ``most``: 1 when no actor is named more often (ties all get 1), else 0; both NaN when the
  article names no actor. Averaged per outlet they are the share of articles where the actor
  comes first / most.
* category ``actors``, measure ``distinct``: how many different actors the article names.

Evidence: one row per mention (category ``<a>``) and one per role (category ``<a>:agent`` or
``<a>:target``) spanning the actor and the action words, e.g. "Iran launched". A role whose
action lies in the scope of a negation or rejection ("the US will not strike Iran") is an
evidence row marked ``negated`` and counts in no role measure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import (
    ARTICLE,
    COUNT,
    HEADLINE,
    LEAD,
    PER_1K,
    ZONES,
    ArticleText,
    Evidence,
    FamilyOutput,
    Measure,
    per_thousand,
)
from toolkit.metrics.lexicon_family import kept_evidence, require_codebook
from toolkit.metrics.registry import CodebookSlot, Family, MeasureSpec
from toolkit.text import Segmented

FAMILY = "salience"
ACTIONS = "actions"
"""The category of an actor codebook that holds the verbs of action."""
AGENT = "agent"
TARGET = "target"
ACTORS = "actors"
DISTINCT = "distinct"

SLOT = CodebookSlot(
    parameter="actors_codebook",
    family=FAMILY,
    default="actors",
    description="actors (salience, and the affiliation of sources)",
    required=(ACTIONS,),
    media=True,
)

_AUXILIARIES = (
    "has|have|had|will|would|could|might|may|must|shall|also|then|reportedly|allegedly|again|"
    "later|itself|themselves|directly|subsequently|already|just|now|previously|recently|not|"
    "never|first|finally|quickly|apparently|repeatedly|openly|do|does|did|can|cannot|"
    "(?:do|does|did|has|have|had|would|could|wo|ca)n['\u2019]t"
)
_AFTER_ACTOR = re.compile(
    rf"(?:['\u2019]s)?(?:\s+(?:{_AUXILIARIES})(?![\w-])){{0,3}}"
    r"(?P<passive>\s+(?:was|were|is|are|been|being|be|got|gets|get)(?![\w-])"
    r"(?:\s+(?:not|never)(?![\w-]))?|\s+(?:was|were|is|are)n['\u2019]t)?\s+"
)
_AFTER_ACTION = re.compile(
    r"\s+(?:(?P<by>by)|(?:[\w'\u2019-]+\s+){0,3}?(?:on|against|at|into|upon|toward|towards))?"
    r"\s*(?:the\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Role:
    """An actor mention read as the agent or target of an action.

    ``start``/``end`` span both the mention and the action words; ``rule`` joins the two codebook
    rules (``"actors:iran+actors:fire"``). ``negated``: the action is in the scope of a negation
    or rejection ("Israel will not attack Iran"), so the role is reported apart.
    """

    actor: str
    role: str
    start: int
    end: int
    rule: str
    weight: float
    negated: bool = False


def actor_ids(codebook: Codebook) -> tuple[str, ...]:
    """The actor categories of an actor codebook (all but ``actions``), in file order."""
    return tuple(category for category in codebook.category_ids if category != ACTIONS)


def roles(doc: Segmented, matches: Sequence[Evidence]) -> tuple[Role, ...]:
    """Agent and target readings of the actor mentions among ``matches`` (see module docstring).

    ``matches`` are kept matches of an actor codebook in ``doc.text`` (mentions and actions), in
    text order.
    """
    text = doc.text
    actions = [match for match in matches if match.category == ACTIONS]
    action_at = {match.start: match for match in actions}
    found: list[Role] = []
    for mention in matches:
        if mention.category == ACTIONS:
            continue
        sentence = doc.sentences[doc.sentence_index(mention.start)] if doc.sentences else None
        stop = sentence.end if sentence is not None else len(text)
        begin = sentence.start if sentence is not None else 0
        after = _AFTER_ACTOR.match(text, mention.end, stop)
        action = action_at.get(after.end()) if after is not None else None
        if after is not None and action is not None:
            # "Iran was attacked" is passive; "Israel was attacking" is a progressive, active.
            passive = after.group("passive") and not action.text.lower().endswith("ing")
            role = TARGET if passive else AGENT
            found.append(_role(mention, action, role, mention.start, action.end))
        before = [a for a in actions if begin <= a.start and a.end <= mention.start]
        if before:
            action = before[-1]
            gap = _AFTER_ACTION.fullmatch(text, action.end, mention.start)
            if gap is not None:
                role = AGENT if gap.group("by") else TARGET
                found.append(_role(mention, action, role, action.start, mention.end))
    return tuple(sorted(found, key=lambda item: (item.start, item.end, item.actor)))


def _role(mention: Evidence, action: Evidence, role: str, start: int, end: int) -> Role:
    rule = f"{mention.rule}+{action.rule}"
    return Role(mention.category, role, start, end, rule, mention.weight, action.negated)


def measure(text: ArticleText, codebook: Codebook | None) -> FamilyOutput:
    """Measure the salience of each actor of the codebook (see the module docstring).

    ``codebook`` is a codebook of family ``"salience"`` (an actor codebook).
    """
    book = require_codebook(codebook, FAMILY, FAMILY)
    actors = actor_ids(book)
    kept = kept_evidence(FAMILY, text, book)
    # A negated mention is still a mention ("not Iran but Israel" names Iran); only a role
    # whose action is negated ("Israel will not attack Iran") is set apart.
    evidence = [match._replace(negated=False) for match in kept if match.category != ACTIONS]
    headline = [match for match in kept if match.zone == HEADLINE]
    body = [match for match in kept if match.zone != HEADLINE]
    for zone_matches, doc in ((headline, text.headline), (body, text.body)):
        for role in roles(doc, zone_matches):
            zone = HEADLINE if doc is text.headline else text.body_zone(role.end)
            evidence.append(
                Evidence(
                    FAMILY,
                    f"{role.actor}:{role.role}",
                    role.rule,
                    zone,
                    role.start,
                    role.end,
                    doc.text[role.start : role.end],
                    role.weight,
                    role.negated,
                )
            )
    kinds = (COUNT, f"{AGENT}_{COUNT}", f"{TARGET}_{COUNT}")
    totals = {(zone, actor, kind): 0.0 for zone in ZONES for actor in actors for kind in kinds}
    for item in evidence:
        if item.negated:
            continue
        actor, _, kind = item.category.partition(":")
        totals[item.zone, actor, f"{kind}_{COUNT}" if kind else COUNT] += item.weight
    return FamilyOutput(FAMILY, _measures(text, actors, kinds, totals, evidence), evidence)


def _measures(
    text: ArticleText,
    actors: tuple[str, ...],
    kinds: tuple[str, ...],
    totals: dict[tuple[str, str, str], float],
    evidence: list[Evidence],
) -> list[Measure]:
    words = text.words(ARTICLE)
    mentions = {actor: sum(totals[zone, actor, COUNT] for zone in ZONES) for actor in actors}
    named = [item for item in evidence if ":" not in item.category]
    first = named[0].category if named else None
    most = max(mentions.values(), default=0.0)
    measures: list[Measure] = []
    for actor in actors:
        for kind in kinds:
            whole = sum(totals[zone, actor, kind] for zone in ZONES)
            rate = kind.removesuffix(COUNT) + PER_1K
            measures.append(Measure(ARTICLE, actor, kind, whole))
            measures.append(Measure(ARTICLE, actor, rate, per_thousand(whole, words)))
            measures.append(Measure(HEADLINE, actor, kind, totals[HEADLINE, actor, kind]))
            measures.append(Measure(LEAD, actor, kind, totals[LEAD, actor, kind]))
        is_first = math.nan if first is None else float(actor == first)
        is_most = math.nan if first is None else float(0 < mentions[actor] == most)
        measures.append(Measure(ARTICLE, actor, "first", is_first))
        measures.append(Measure(ARTICLE, actor, "most", is_most))
    distinct = float(sum(1 for count in mentions.values() if count > 0))
    measures.append(Measure(ARTICLE, ACTORS, DISTINCT, distinct))
    return measures


FAMILIES = (
    Family(
        name=FAMILY,
        label="Actor salience",
        measure=measure,
        description="Which actors a story names, how early and how often, and who does what "
        "to whom.",
        citation="Entman (1993); van Atteveldt, Kleinnijenhuis & Ruigrok (2008), Political "
        "Analysis 16(4), 428-446.",
        slot=SLOT,
        measures=(
            MeasureSpec(
                "<actor>",
                "count",
                "mentions",
                "higher = more salient",
                "mentions of the actor (per_1k: per 1,000 words)",
            ),
            MeasureSpec(
                "<actor>",
                "agent_count",
                "mentions",
                "higher = more often the actor",
                "mentions as the agent of an action ('Iran launched')",
            ),
            MeasureSpec(
                "<actor>",
                "target_count",
                "mentions",
                "higher = more often acted upon",
                "mentions as the target of an action ('attacked Israel')",
            ),
            MeasureSpec(
                "<actor>",
                "first",
                "0 or 1 (outlets: share)",
                "1 = named first",
                "the first actor the article names (headline first)",
            ),
            MeasureSpec(
                "<actor>",
                "most",
                "0 or 1 (outlets: share)",
                "1 = named most",
                "no actor is named more often",
            ),
            MeasureSpec(
                ACTORS,
                DISTINCT,
                "actors",
                "higher = more actors",
                "how many different actors the article names",
            ),
        ),
    ),
)
