"""Word sense guards of the shipped codebooks, one constructed sentence per behaviour.

Each case names a codebook, a sentence, a word of it and the rule that should count it there
(None when the word must not count, whatever entry it would match). The sentences are written
for these tests (CheckList style, Ribeiro et al. 2020), not taken from any corpus.
"""

from __future__ import annotations

import pytest

from toolkit.codebooks import builtin_codebook
from toolkit.metrics.lexicon import compile_codebook
from toolkit.text import segment


def _rule(codebook: str, text: str, word: str) -> str | None:
    """The rule of the kept match that starts at the first ``word`` in ``text``, or None."""
    start = text.index(word)
    for found, _, _, target, rejected_by in compile_codebook(builtin_codebook(codebook)).hits(
        segment(text)
    ):
        if found == start:
            return target.rule if rejected_by is None else None
    return None


@pytest.mark.parametrize(
    ("codebook", "text", "word", "rule"),
    [
        # Issue 12: "death penalty" is not a humanitarian cost of war.
        ("conflict_frames", "Iran upheld the death penalty for two men.", "death", None),
        (
            "conflict_frames",
            "The death toll rose to twelve.",
            "death toll",
            "conflict_frames:casualties",
        ),
        ("conflict_frames", "Two deaths were confirmed.", "deaths", "conflict_frames:casualties"),
        ("conflict_frames", "The talks wound up without a deal.", "wound", None),
        ("conflict_frames", "Senators killed the bill.", "killed", None),
        ("conflict_frames", "Critics of capital punishment met.", "punishment", None),
        (
            "conflict_frames",
            "Iran vowed to punish Israel.",
            "punish",
            "conflict_frames:retaliation",
        ),
        ("conflict_frames", "The plan offers tax relief.", "relief", None),
        ("conflict_frames", "Congress approved military aid.", "aid", None),
        ("conflict_frames", "Gaza needs aid now.", "aid", "conflict_frames:need"),
        ("conflict_frames", "The Clean Water Act was amended.", "Water", None),
        ("conflict_frames", "Residents must shelter in place.", "shelter", None),
        ("conflict_frames", "The Trump camp denied it.", "camp", None),
        (
            "conflict_frames",
            "Thousands live in a refugee camp.",
            "refugee camp",
            "conflict_frames:displacement",
        ),
        ("conflict_frames", "Her election victory was narrow.", "victory", None),
        ("conflict_frames", "Democrats are on the defensive.", "defensive", None),
        ("conflict_frames", "He spoke of spiraling inflation.", "spiraling", None),
        (
            "conflict_frames",
            "Fears of a spiraling conflict grew.",
            "spiraling",
            "conflict_frames:escalation",
        ),
        ("conflict_frames", "She talks to reporters daily.", "talks", None),
        ("conflict_frames", "The talks in Oman resumed.", "talks", "conflict_frames:talks"),
        # Issue 12: "war Cabinet" is not conflict.
        ("framing", "Israel's war Cabinet met.", "war", None),
        ("framing", "The war entered its third year.", "war", "framing:conflict"),
        ("framing", "He has a conflict of interest.", "conflict", None),
        ("framing", "The Justice Department sued.", "Justice", None),
        ("framing", "They demanded justice for the victims.", "justice", "framing:moral"),
        # Issue 12: "Islamic" in a name is not morality.
        ("framing", "The Islamic Republic fired drones.", "Islamic", None),
        ("framing", "Fighters of the Islamic State fled.", "Islamic", None),
        ("framing", "Islamic scholars condemned it.", "Islamic", "framing:religion"),
        ("framing", "The painting was sold.", "painting", None),
        ("framing", "Families spoke of their pain.", "pain", "framing:emotion"),
        ("framing", "A criminal investigation began.", "criminal", None),
        ("policy_frames", "The Islamic Republic fired drones.", "Islamic", None),
        ("policy_frames", "Social Security is solvent.", "Security", None),
        ("policy_frames", "He had a heart attack.", "attack", None),
        ("policy_frames", "The culture war goes on.", "war", None),
        ("policy_frames", "Her war chest grew.", "war", None),
        ("policy_frames", "The war in Ukraine goes on.", "war", "policy_frames:military"),
        ("policy_frames", "Planned Parenthood sued.", "Parenthood", None),
        ("policy_frames", "Senate Minority Leader Chuck Schumer spoke.", "Minority", None),
        ("policy_frames", "Staff writer Ann Lee reported.", "Staff", None),
        ("policy_frames", "Follow Politico for updates.", "Politico", None),
        ("policy_frames", "The political fight goes on.", "political", "policy_frames:government"),
        ("loaded_labels", "Barbara Bush spoke.", "Barbara", None),
        ("loaded_labels", "It was a barbaric attack.", "barbaric", "loaded_labels:aggression"),
        ("loaded_labels", "The plan met resistance from unions.", "resistance", None),
        ("loaded_labels", "His occupation is teacher.", "occupation", None),
        ("actors", "The Washington Post reported it.", "Washington", None),
        ("actors", "Washington warned Tehran.", "Washington", "actors:us"),
        ("actors", "States are shelling out billions.", "shelling", None),
        ("actors", "The bombshell report landed.", "bombshell", None),
        ("actors", "Israel bombed the depot.", "bombed", "actors:strike"),
        # Fixes read off AllSides evidence rows (benchmarks/evidence_sample.py).
        ("conflict_frames", "Walker's victory galvanized the unions.", "victory", None),
        ("conflict_frames", "The plan was a failure.", "failure", None),
        ("conflict_frames", "Sanders defeats Clinton in Iowa.", "defeats", None),
        (
            "conflict_frames",
            "The attack largely failed.",
            "largely failed",
            "conflict_frames:little_damage",
        ),
        (
            "conflict_frames",
            "The strikes caused little damage.",
            "little damage",
            "conflict_frames:little_damage",
        ),
        ("conflict_frames", "The San Bernardino killer fled.", "killer", None),
        (
            "conflict_frames",
            "Two killings were reported.",
            "killings",
            "conflict_frames:casualties",
        ),
        ("conflict_frames", "The work took a toll on nurses.", "toll", None),
        ("conflict_frames", "Agents gathered toll records.", "toll", None),
        ("conflict_frames", "The toll rose to twelve.", "toll", "conflict_frames:toll"),
        ("conflict_frames", "The Food and Drug Administration ruled.", "Food", None),
        ("conflict_frames", "The rebels received lethal aid.", "aid", None),
        ("conflict_frames", "An intercepted message spurred closings.", "intercepted", None),
        ("framing", "Voters are accustomed to it.", "accustomed", None),
        ("framing", "Iran accused Israel.", "accused", "framing:disagreement"),
        ("framing", "Did he obstruct justice?", "justice", None),
        ("framing", "He met the Budget Committee.", "Budget", None),
        ("framing", "The Office of Management and Budget objected.", "Budget", None),
        ("framing", "The budget passed.", "budget", "framing:economy"),
        ("framing", "Millions of Americans lost cover.", "Millions", None),
        ("framing", "It cost billions of dollars.", "billions", "framing:cost"),
        ("framing", "They looked desperately for it.", "desperately", None),
        ("framing", "Desperate families fled.", "Desperate", "framing:emotion"),
        ("policy_frames", "Biden ruled out a strike.", "ruled", None),
        ("policy_frames", "The judge ruled on Monday.", "ruled", "policy_frames:courts"),
        ("loaded_labels", "A destabilizing arms race began.", "destabilizing", None),
        (
            "loaded_labels",
            "Iran's destabilizing activities worried Israel.",
            "destabilizing activities",
            "loaded_labels:iranian_aggression",
        ),
        ("loaded_labels", "A colonial assembly met.", "colonial", None),
        (
            "loaded_labels",
            "They decried the colonial occupation.",
            "colonial occupation",
            "loaded_labels:israeli_aggression",
        ),
        ("actors", "The court struck down the law.", "struck", None),
        ("actors", "Voters were accustomed to it.", "accustomed", None),
        ("actors", "Iran accused Israel.", "accused", "actors:threaten"),
    ],
)
def test_sense_guards(codebook: str, text: str, word: str, rule: str | None) -> None:
    assert _rule(codebook, text, word) == rule
