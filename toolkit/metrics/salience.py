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
  attack"), or follows "<action> by" ("attacked by Iran");
* target: the actor directly follows a verb of action ("attacked Israel"), or follows one and a
  preposition (on, against, at, into, upon, toward(s)) with up to three words between ("fired
  missiles at Israel", "strikes on Iran"), or precedes a passive one ("Israel was attacked").

Values, for each actor ``<a>`` (``<s>`` = ``salience_<a>``), counts being sums of entry weights
and rates per 1,000 words (NaN for an article without words):

* ``<s>_count`` / ``_per_1k``: mentions in the text;
* ``<s>_agent_count`` / ``_per_1k`` and ``<s>_target_count`` / ``_per_1k``: mentions as agent or
  target of an action;
* ``<s>_headline``: mentions in the headline (``Article.title``); ``<s>_lead``: mentions in the
  lead (the first ``LEAD_SENTENCES`` sentences, also counted in ``_count``);
* ``<s>_first``: 1 when the actor is the first named in the text, else 0; ``<s>_most``: 1 when
  no actor is named more often (ties all get 1), else 0; both NaN when the text names no actor.
  Averaged per outlet they are the share of articles where the actor comes first / most.
* ``salience_actors``: how many different actors the text names.

Evidence: one row per mention (category ``<a>``) and one per role (category ``<a>:agent`` or
``<a>:target``) spanning the actor and the action words, e.g. "Iran launched".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from toolkit.codebooks.model import Codebook
from toolkit.corpus.article import Article
from toolkit.metrics.base import EvidenceTuple, FamilyResult, per_thousand, spans_result
from toolkit.metrics.lexicon import (
    CompiledCodebook,
    LexiconMatch,
    check_segmented,
    compile_codebook,
    family_codebook,
    headline_of,
    lead_end,
)
from toolkit.text import Segmented

FAMILY = "salience"
ACTIONS = "actions"
"""The category of an actor codebook that holds the verbs of action."""
AGENT = "agent"
TARGET = "target"

_AUXILIARIES = (
    "has|have|had|will|would|could|might|may|must|shall|also|then|reportedly|allegedly|again|"
    "later|itself|themselves|directly|subsequently|already|just|now|previously|recently|not|"
    "never|first|finally|quickly|apparently|repeatedly|openly"
)
_AFTER_ACTOR = re.compile(
    rf"(?:['\u2019]s)?(?:\s+(?:{_AUXILIARIES})(?![\w-])){{0,3}}"
    r"(?P<passive>\s+(?:was|were|is|are|been|being|be|got|gets|get)(?![\w-]))?\s+"
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
    rules (``"actors:iran+actors:fire"``).
    """

    actor: str
    role: str
    start: int
    end: int
    rule: str
    weight: float


def actor_ids(codebook: Codebook) -> tuple[str, ...]:
    """The actor categories of an actor codebook (all but ``actions``), in file order."""
    return tuple(category for category in codebook.category_ids if category != ACTIONS)


def roles(doc: Segmented, matches: tuple[LexiconMatch, ...]) -> tuple[Role, ...]:
    """Agent and target readings of the actor mentions among ``matches`` (see module docstring).

    ``matches`` are kept matches of an actor codebook in ``doc.text``, in text order.
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
            role = TARGET if after.group("passive") else AGENT
            found.append(_role(mention, action, role, mention.start, action.end))
        before = [a for a in actions if begin <= a.start and a.end <= mention.start]
        if before:
            action = before[-1]
            gap = _AFTER_ACTION.fullmatch(text, action.end, mention.start)
            if gap is not None:
                role = AGENT if gap.group("by") else TARGET
                found.append(_role(mention, action, role, action.start, mention.end))
    return tuple(sorted(found, key=lambda item: (item.start, item.end, item.actor)))


def _role(mention: LexiconMatch, action: LexiconMatch, role: str, start: int, end: int) -> Role:
    return Role(mention.category, role, start, end, f"{mention.rule}+{action.rule}", mention.weight)


def measure(
    article: Article,
    doc: Segmented,
    codebook: Codebook | None = None,
    *,
    headline: Segmented | None = None,
) -> FamilyResult:
    """Measure the salience of each actor of the codebook in ``article`` (see module docstring).

    ``doc`` must be ``segment(article.text)``; ``codebook`` defaults to the built-in ``actors``
    codebook and must otherwise be a codebook of family ``"salience"``. ``headline`` is
    ``segment(article.title)`` when the caller has it already.
    """
    book = family_codebook(codebook, FAMILY)
    check_segmented(article, doc)
    title = headline_of(article, headline)
    values, spans = measure_spans(doc, title, book, compile_codebook(book))
    return spans_result(article.doc_id, FAMILY, values, spans)


def measure_spans(
    doc: Segmented,
    title: Segmented | str,
    book: Codebook,
    matcher: CompiledCodebook,
    *,
    folded: str | None = None,
    folded_title: str | None = None,
) -> tuple[dict[str, float], list[EvidenceTuple]]:
    """``measure`` for ``measure_article``: the values and the evidence as ``EvidenceTuple``s.

    ``title`` is ``headline_of(article, headline)``, ``matcher`` is ``compile_codebook(book)``;
    ``folded`` and ``folded_title`` are ``scan_text`` of the text and the title, or None.
    """
    actors = actor_ids(book)
    kept = tuple(
        LexiconMatch(start, end, text, *target.identity)
        for start, end, text, target, rejected_by in matcher.hits(doc, folded=folded)
        if rejected_by is None
    )
    mentions = [match for match in kept if match.category != ACTIONS]
    found_roles = roles(doc, kept)
    lead_stop = lead_end(doc)

    counts = dict.fromkeys(actors, 0.0)
    leads = dict.fromkeys(actors, 0.0)
    headlines = dict.fromkeys(actors, 0.0)
    role_counts = {(actor, role): 0.0 for actor in actors for role in (AGENT, TARGET)}
    spans: list[EvidenceTuple] = []
    for mention in mentions:
        counts[mention.category] += mention.weight
        if mention.end <= lead_stop:
            leads[mention.category] += mention.weight
        spans.append(
            (
                mention.category,
                mention.rule,
                mention.start,
                mention.end,
                mention.text,
                mention.weight,
            )
        )
    text = doc.text
    for item in found_roles:
        role_counts[(item.actor, item.role)] += item.weight
        spans.append(
            (
                f"{item.actor}:{item.role}",
                item.rule,
                item.start,
                item.end,
                text[item.start : item.end],
                item.weight,
            )
        )
    for *_, target, rejected_by in matcher.hits(title, folded=folded_title):
        if rejected_by is None and target.category != ACTIONS:
            headlines[target.category] += target.weight

    first = mentions[0].category if mentions else None
    most = max(counts.values(), default=0.0)
    n_words = doc.n_words
    values: dict[str, float] = {}
    for actor in actors:
        prefix = f"{FAMILY}_{actor}"
        values[f"{prefix}_count"] = counts[actor]
        values[f"{prefix}_per_1k"] = per_thousand(counts[actor], n_words)
        for role in (AGENT, TARGET):
            values[f"{prefix}_{role}_count"] = role_counts[(actor, role)]
            values[f"{prefix}_{role}_per_1k"] = per_thousand(role_counts[(actor, role)], n_words)
        values[f"{prefix}_headline"] = headlines[actor]
        values[f"{prefix}_lead"] = leads[actor]
        values[f"{prefix}_first"] = math.nan if first is None else float(actor == first)
        values[f"{prefix}_most"] = (
            math.nan if first is None else float(counts[actor] > 0 and counts[actor] == most)
        )
    values[f"{FAMILY}_actors"] = float(sum(1 for count in counts.values() if count > 0))
    return values, spans


_TABLE_COLUMNS = {
    "per_1k": "mentions per 1k words",
    "agent_per_1k": "as agent per 1k",
    "target_per_1k": "as target per 1k",
    "first": "share named first",
    "most": "share named most",
    "headline": "headline mentions per article",
    "lead": "lead mentions per article",
}


def actor_table(outlets: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """One outlet's actor salience from the outlets table: one row per actor named at all.

    Columns: mentions, agent and target rates per 1,000 words (pooled over the outlet's
    articles), the share of its articles naming the actor first / most, and mean mentions per
    headline and lead. Actors the outlet never names are left out.
    """
    row = {str(k): v for k, v in outlets.set_index("outlet").loc[outlet].to_dict().items()}
    actors = [
        column.removeprefix(f"{FAMILY}_").removesuffix("_agent_count")
        for column in outlets.columns
        if column.startswith(f"{FAMILY}_") and column.endswith("_agent_count")
    ]
    table = pd.DataFrame(
        {
            label: [float(row[f"{FAMILY}_{actor}_{suffix}"]) for actor in actors]
            for suffix, label in _TABLE_COLUMNS.items()
        },
        index=pd.Index(actors, name="actor"),
    )
    named = [float(row[f"{FAMILY}_{actor}_count"]) > 0 for actor in actors]
    return table[named].sort_values("mentions per 1k words", ascending=False, kind="stable")
