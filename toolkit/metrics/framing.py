"""Frames: how much of each frame's indicator vocabulary an article uses.

The generic news frames of Semetko & Valkenburg (2000) (conflict, responsibility, economic
consequences, human interest, morality) and three frames for coverage of military escalation
(escalation and retaliation, restraint and diplomacy, military capability), each measured as the
number of its indicator terms in the article (the built-in ``framing`` codebook unless a
researcher's own is given). This is a dictionary measure of frame vocabulary, not a coder's
judgement of the dominant frame; every count can be traced to its words in the evidence.

Values, for each frame (category) of the codebook: ``framing_<frame>_count`` (sum of entry
weights, i.e. the number of indicator matches with the default weight 1) and
``framing_<frame>_per_1k`` (per 1,000 words; NaN for an article without words). Higher means the
article leans more on that frame's vocabulary.
"""

from __future__ import annotations

from toolkit.codebooks.model import Codebook
from toolkit.corpus.article import Article
from toolkit.metrics.base import Evidence, FamilyResult, per_thousand
from toolkit.metrics.lexicon import check_segmented, family_codebook, find_matches
from toolkit.text import Segmented

FAMILY = "framing"


def measure(article: Article, doc: Segmented, codebook: Codebook | None = None) -> FamilyResult:
    """Count each frame's indicator terms in ``article`` (see the module docstring).

    ``doc`` must be ``segment(article.text)``; ``codebook`` defaults to the built-in framing
    codebook and must otherwise be a codebook of family ``"framing"``. Matches rejected by a
    guard of their entry are not counted.
    """
    book = family_codebook(codebook, FAMILY)
    check_segmented(article, doc)
    counts = dict.fromkeys(book.category_ids, 0.0)
    evidence: list[Evidence] = []
    for match in find_matches(book, doc):
        if match.kept:
            counts[match.category] += match.weight
            evidence.append(match.evidence(article.doc_id, FAMILY))
    values: dict[str, float] = {}
    for frame, count in counts.items():
        values[f"{FAMILY}_{frame}_count"] = count
        values[f"{FAMILY}_{frame}_per_1k"] = per_thousand(count, doc.n_words)
    return FamilyResult(family=FAMILY, values=values, evidence=tuple(evidence))
