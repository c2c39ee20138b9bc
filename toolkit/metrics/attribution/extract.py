"""Find every attribution of a text: apply the rules, resolve sources, build the records.

Rules (``Attribution.rule``), each a regular expression over one sentence, no parser:

* ``attribution:said_after_source`` - a source right before a reporting verb, possibly with an
  appositive, a "who" or linking words between ("Hossein Salami, the head of the IRGC, has
  stated that ...", "The official also noted ...", "“...,” Salami said.");
* ``attribution:coordinated_source`` - the first of two coordinated subjects ("Both Kirby and
  the official affirmed ...": Kirby here, the official under ``said_after_source``);
* ``attribution:said_before_source`` - an inverted verb after a comma or quote ("“...,” said
  Salami.", after a quotation also a speaker the grammar cannot type: "said a Nevada
  Democrat"), or opening the sentence ("Said Comey, “...”");
* ``attribution:passive_by`` - "This assurance was reiterated by US Defense Secretary ...",
  "was first reported by Politico", "As reported by Reuters, ...";
* ``attribution:participle`` - ", noting that ..." / ", saying “...”" / "— adding ..." /
  "released a statement saying ..." credited to the source of the previous cue of the
  sentence, else to the subject of the sentence (after an opening conjunction or dateline);
  a participle opening the sentence ("Noting that ..., the mayor left") to the subject after it;
* ``attribution:conjoined_verb`` - a second verb of the same subject ("Ms. Conway rejected the
  idea ... and said that ...", "Israeli officials indicated ... and emphasized ..."), unless a
  relative clause ("where", "who", "which") may have brought in another subject;
* ``attribution:declined_to`` - "The official declined to specify whether ...";
* ``attribution:according_to`` - "according to two individuals familiar with ...";
* ``attribution:statement`` - a nominal cue in the phrase opening the sentence ("In a
  statement, the ministry defended ...", "In remarks to donors, the mayor ..."), unless a
  reporting verb of the same subject follows;
* ``attribution:citing`` - "Axios, citing an unnamed senior White House official, revealed ...":
  the cited source gets its own attribution, with the content of the citing one;
* ``attribution:reports_emerged`` - "Reports emerged indicating that ..." (unattributed report);
* ``attribution:passive_frame`` - "Netanyahu is said to have ...", "it is believed that ...",
  "the reported declaration" (an ``implicit`` source: no words), and "X was quoted as saying"
  (credited to X);
* ``attribution:quote_paragraph`` - a paragraph that is one quotation and names no speaker,
  credited to the last source of the previous paragraph; its cue is the opening quote mark;
* ``attribution:quote_sentence`` - the same for a sentence that is one quotation, right after a
  sentence of the same paragraph with an attribution ("“...,” she said. “We will not stop.”").

"X, who said ..." keeps "who" as the mention and credits X (the resolved source).

Content is the reported clause: after the cue (without a leading "that"), or, when nothing
follows the cue, the quotation or clause before the source. It stops at the next cue of the
same sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from toolkit.codebooks import Codebook
from toolkit.metrics.attribution.actors import affiliator, default_actors
from toolkit.metrics.attribution.casing import is_all_caps, recase
from toolkit.metrics.attribution.context import Context, Draft
from toolkit.metrics.attribution.cues import NEUTRAL, AttributionLexicon
from toolkit.metrics.attribution.quotes import quote_type
from toolkit.metrics.attribution.records import Attribution
from toolkit.metrics.attribution.rules import (
    according_drafts,
    citing_drafts,
    cut_contents,
    distancing_drafts,
    is_participle,
    link_citations,
    nominal_drafts,
    participle_draft,
    report_drafts,
    verb_drafts,
    without_repeated_subjects,
)
from toolkit.metrics.attribution.sources import (
    IMPLICIT,
    NAME_KIND,
    NAMED_PERSON,
    PRONOUN,
    UNATTRIBUTED_REPORT,
    Antecedent,
    Mention,
    identity,
    resolve,
)
from toolkit.text import Segmented, Span

QUOTE_PARAGRAPH = "attribution:quote_paragraph"
QUOTE_SENTENCE = "attribution:quote_sentence"
UNBALANCED_QUOTES = "unbalanced_quotes"


def find_attributions(
    text: str,
    doc: Segmented,
    doc_id: str,
    lexicon: AttributionLexicon,
    actors: Codebook | None = None,
) -> tuple[Attribution, ...]:
    """Every attribution in ``text`` (segmented as ``doc``), in text order; affiliations come
    from ``actors`` (default: the shipped actor codebook). An all-caps text is read through a
    re-cased copy (``casing``); the records' words are the text's own."""
    if not doc.sentences:
        return ()
    if is_all_caps(text):
        found = _find(recase(text, lexicon), doc, doc_id, lexicon, actors)
        return tuple(_in_text(text, attribution) for attribution in found)
    return _find(text, doc, doc_id, lexicon, actors)


def _in_text(text: str, found: Attribution) -> Attribution:
    """An attribution found on the re-cased copy, its words taken from ``text`` itself."""

    def words(start: int, end: int) -> str:
        return text[start:end] if start >= 0 else ""

    return replace(
        found,
        source=words(found.source_start, found.source_end),
        mention=words(found.mention_start, found.mention_end),
        cue=words(found.cue_start, found.cue_end),
    )


def _find(
    text: str,
    doc: Segmented,
    doc_id: str,
    lexicon: AttributionLexicon,
    actors: Codebook | None,
) -> tuple[Attribution, ...]:
    context = Context(text, doc, lexicon)
    drafts: list[Draft] = []
    participles: list[re.Match[str]] = []
    for match in context.matches(context.patterns.cue):
        if context.in_quotation(match.start()):
            continue  # speech reported inside a quotation is the quoted speaker's
        found = verb_drafts(context, match)
        if found:
            drafts.extend(found)
        elif is_participle(context, match):
            participles.append(match)
    others = (
        *nominal_drafts(context),
        *according_drafts(context),
        *citing_drafts(context),
        *report_drafts(context),
        *distancing_drafts(context),
    )
    drafts.extend(draft for draft in others if not context.in_quotation(draft.cue_start))
    by_sentence: dict[int, list[Draft]] = {}
    for draft in sorted(drafts, key=lambda draft: draft.cue_start):
        by_sentence.setdefault(doc.sentence_index(draft.cue_start), []).append(draft)
    for index, sentence_drafts in by_sentence.items():
        by_sentence[index] = without_repeated_subjects(sentence_drafts)
    for match in participles:
        sentence_drafts = by_sentence.setdefault(doc.sentence_index(match.start()), [])
        participle = participle_draft(context, match, sentence_drafts)
        if participle is not None:
            bisect.insort(sentence_drafts, participle, key=lambda draft: draft.cue_start)
    cut: dict[int, list[Draft]] = {}
    for index in sorted(by_sentence):
        if by_sentence[index]:
            linked = link_citations(context, doc.sentences[index], by_sentence[index])
            cut[index] = cut_contents(context, linked)
    return _resolve(context, cut, doc_id, actors or default_actors())


def _resolve(
    context: Context, by_sentence: dict[int, list[Draft]], doc_id: str, actors: Codebook
) -> tuple[Attribution, ...]:
    """Resolve sources in text order, adding quotations that name no speaker.

    ``by_sentence`` holds the drafts of each sentence that has any, in text order.
    """
    history: list[Antecedent] = []
    attributions: list[Attribution] = []
    affiliate = affiliator(actors)

    def add(draft: Draft, source: Mention, paragraph: int, sentence: int) -> None:
        if source.start >= 0:
            history.append(Antecedent(paragraph, sentence, source))
        attributions.append(_record(context, draft, source, doc_id, affiliate))

    for index, paragraph in enumerate(context.paragraphs):
        sentences = context.sentence_indices(paragraph)
        if not any(sentence in by_sentence for sentence in sentences):
            if history and history[-1].paragraph == index - 1:
                quote = context.whole_quote(paragraph.start, paragraph.end)
                if quote is not None:
                    last = sentences[-1] if sentences else -1
                    add(_quote_draft(quote, QUOTE_PARAGRAPH), history[-1].source, index, last)
            continue
        for sentence in sentences:
            drafts = by_sentence.get(sentence)
            if drafts is not None:
                for draft in drafts:
                    if draft.source is not None:
                        target = draft.antecedent or draft.source
                        source = resolve(target, index, history)
                        if source is target:
                            source = _full_name(context, source)
                        add(draft, source, index, sentence)
                continue
            if not history or history[-1].sentence != sentence - 1:
                continue
            if history[-1].paragraph == index:
                span = context.doc.sentences[sentence]
                quote = context.whole_quote(span.start, span.end)
                if quote is not None:
                    add(_quote_draft(quote, QUOTE_SENTENCE), history[-1].source, index, sentence)
    return tuple(attributions)


_FIRST_NAMES_BEFORE = re.compile(
    r"(?<![\w'\u2019\-])(?:[A-Z](?:\.|[\w'\u2019\-]+)[ \t\u00a0]+){1,3}\Z"
)
"""One to three capitalised words (or initials) right before a surname, on the same line."""
_WORD = re.compile(r"\S+")
_WORD_CHAR = re.compile(r"[\w'\u2019\-]")


_TITLES = frozenset(("mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gen.", "gov.", "us", "u.s."))


def _full_name(context: Context, found: Mention) -> Mention:
    """A surname, alone or after titles ("Austin", "Defense Secretary Austin"), resolved to the
    last fuller name ending in it earlier in the text ("Lloyd Austin"), else ``found`` itself.
    """
    if found.kind != NAME_KIND or found.source_type != NAMED_PERSON:
        return found
    text, lexicon = context.text, context.lexicon
    words = found.text.split()
    titles = lexicon.role_heads | lexicon.modifiers | _TITLES
    if not words[-1][:1].isupper() or any(word.lower() not in titles for word in words[:-1]):
        return found
    surname = words[-1]
    position = text.rfind(surname, 0, found.start)
    while position > 0:
        before = _FIRST_NAMES_BEFORE.search(text, max(0, position - 80), position)
        after = position + len(surname)
        if before is not None and not (after < len(text) and _WORD_CHAR.match(text, after)):
            start = _first_names_start(text, before.start(), position, lexicon, titles)
            if start is not None:
                return Mention(start, after, text[start:after], NAMED_PERSON, "", NAME_KIND)
        position = text.rfind(surname, 0, position)
    return found


def _first_names_start(
    text: str, start: int, surname: int, lexicon: AttributionLexicon, titles: frozenset[str]
) -> int | None:
    """Where the first names before a surname begin, leaving out capitalised words that are no
    names: sentence openers and function words ("When Sebelius"), titles, words in capitals
    ("FOX NEWS APP"), and the word after "of" in a title ("Secretary of State Brad ..."); None
    when no first name is left."""
    words = list(_WORD.finditer(text, start, surname))
    if words and text[max(0, start - 12) : start].rstrip().endswith(" of"):
        words = words[1:]
    for word in words:
        letters = word.group().strip(".")
        no_name = (
            word.group() in lexicon.name_stopwords
            or word.group().lower() in titles
            or (len(letters) > 1 and letters.isupper())
        )
        if not no_name:
            return word.start()
    return None


def _quote_draft(quote: Span, rule: str) -> Draft:
    """A quotation credited to the speaker before it; its cue is the opening quote mark."""
    return Draft(None, quote.start, quote.start + 1, NEUTRAL, rule, quote.start, quote.end)


def _record(
    context: Context,
    draft: Draft,
    source: Mention,
    doc_id: str,
    affiliate: Callable[[str, str], str],
) -> Attribution:
    written = draft.source if draft.source is None or draft.source.start >= 0 else None
    start, end = draft.cue_start, draft.cue_end
    if written is not None:
        start, end = min(start, written.start), max(end, written.end)
    if draft.content_start >= 0:
        start, end = min(start, draft.content_start), max(end, draft.content_end)
    paragraph = context.paragraph(draft.cue_start)
    text = context.text
    return Attribution(
        doc_id=doc_id,
        source=source.text,
        source_type=source.source_type,
        cue=text[draft.cue_start : draft.cue_end],
        quote_type=quote_type(text, paragraph, draft.content_start, draft.content_end),
        start=start,
        end=end,
        source_start=source.start,
        source_end=source.end,
        mention=written.text if written else "",
        mention_start=written.start if written else -1,
        mention_end=written.end if written else -1,
        cue_start=draft.cue_start,
        cue_end=draft.cue_end,
        content_start=draft.content_start,
        content_end=draft.content_end,
        verb_stance=draft.stance,
        rule=draft.rule,
        affiliation=affiliate(source.text, source.source_type),
        source_id=":".join(identity(source)),
        flag="" if paragraph.balanced else UNBALANCED_QUOTES,
    )


def distinct_sources(attributions: tuple[Attribution, ...]) -> int:
    """Number of different identifiable sources (reports and unresolved pronouns left out)."""
    return len(
        {
            identity(Mention(a.source_start, a.source_end, a.source, a.source_type, "", ""))
            for a in attributions
            if a.source_type not in (UNATTRIBUTED_REPORT, PRONOUN, IMPLICIT)
        }
    )
