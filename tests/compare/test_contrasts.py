from __future__ import annotations

from toolkit.compare.contrasts import exclusive_frames, exclusive_sources, source_balance


def test_exclusive_sources(analysis) -> None:
    table = exclusive_sources(analysis.attributions, analysis.sentences)
    rows = set(table[["outlet", "identity"]].itertuples(index=False, name=None))
    assert ("MENAFN", "Axios") in rows
    assert ("MENAFN", "Israel Defense Forces") in rows
    assert ("NewsPublicy", "John Kirby") in rows
    assert not any(identity == "Joe Biden" for _, identity in rows)  # cited by three outlets
    kirby = table[table["identity"] == "John Kirby"].iloc[0]
    assert kirby["n_attributions"] == 2 and "Kirby" in kirby["sentence"]


def test_exclusive_frames_come_with_sentences(analysis) -> None:
    table = exclusive_frames(analysis.evidence, analysis.sentences)
    frames = set(table[["outlet", "frame"]].itertuples(index=False, name=None))
    assert ("The Voice", "human_interest") in frames
    assert ("Unusual Whales", "economic_consequences") in frames
    assert all(
        cue.lower() in sentence.lower()
        for cue, sentence in zip(table["cue"], table["sentence"], strict=True)
    )


def test_source_balance_shares_sum_to_one(analysis) -> None:
    table = source_balance(analysis.attributions)
    sums = table.groupby("outlet")["share"].sum()
    assert sums.round(10).eq(1).all()
    menafn = table[(table["outlet"] == "MENAFN") & (table["source_type"] == "named_person")]
    assert menafn.iloc[0]["count"] == 10  # Biden, Austin, Salami; ", suggesting" counts (2.1.0)
