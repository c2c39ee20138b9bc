"""The record of the attribution family: one attribution."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Attribution:
    """One claim credited to a source: who (source), how (cue) and what (content).

    Offsets index ``Article.text``: ``text[source_start:source_end] == source`` and
    ``text[cue_start:cue_end] == cue``. ``start``/``end`` cover the attribution as written in its
    sentence (source mention, cue and content); when the source was resolved from a pronoun, a
    definite description or a short name ("he", "The official", "Salami"), ``source`` is the
    earlier phrase it refers to and lies outside ``start``/``end``. ``content_start`` and
    ``content_end`` are -1 when there is no content span. ``mention`` is the source as written
    in the attribution's own sentence ("he", "The official", "Salami"; equal to ``source`` when
    nothing was resolved), at ``mention_start``/``mention_end``; it is ``""`` with offsets -1 for a
    quotation credited to the speaker of an earlier sentence. An ``implicit`` source (a passive
    reporting frame, "is said to") has ``source`` and ``mention`` ``""`` and offsets -1.

    ``source_type`` is one of ``sources.SOURCE_TYPES``; ``quote_type`` is ``"direct"``,
    ``"indirect"`` or ``"mixed"``; ``verb_stance`` is the stance of the cue (``"neutral"``,
    ``"assertive"``, ``"doubt"``, ``"alarm"``, ``"disclosure"``, ``"refusal"``); ``rule`` names
    the construction ("attribution:according_to", ...); ``flag`` is ``""`` or
    ``"unbalanced_quotes"`` when the quotation marks of the paragraph do not pair up.
    ``affiliation`` is the id of the actor the source speaks for, from the actor codebook
    (``"united_states"``, ..., ``"unknown"``); ``source_id`` names the source after resolution
    (type and case-folded words, "named_person:hossein salami"), the same for every mention of
    one source.
    """

    doc_id: str
    source: str
    source_type: str
    cue: str
    quote_type: str
    start: int
    end: int
    source_start: int
    source_end: int
    mention: str
    mention_start: int
    mention_end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    verb_stance: str
    rule: str
    affiliation: str
    source_id: str
    flag: str = ""

    @property
    def resolved(self) -> bool:
        """True when the source was taken from an earlier mention (outside ``start``/``end``)."""
        if self.source_start < 0:
            return False
        return not (self.start <= self.source_start and self.source_end <= self.end)
