"""The data dictionary: every table, every column and every measure, from the specs.

``data_dictionary()`` renders ``docs/data-dictionary.md`` from the table specs of
``toolkit.pipeline.tables`` and the measures each registered family declares, so the document
cannot drift from the code (a test compares them; ``scripts/write_data_dictionary.py``
rewrites it).
"""

from __future__ import annotations

from toolkit.metrics.registry import registry
from toolkit.pipeline.tables import table_specs

_INTRO = """\
# Data dictionary

The tables an analysis writes (`toolkit analyze CORPUS --out FOLDER`, or
`toolkit.analyze(corpus).write(FOLDER)`), each as CSV and Parquet, and `analysis.json` with the
versions of the toolkit, every codebook and every data file used. Generated from the code by
`python scripts/write_data_dictionary.py`; do not edit by hand.

Zones: `headline` (the title), `lead` (the first two sentences of the body) and `body` (the rest)
do not overlap; measures are given for the whole `article` (all three) and for the headline and
the lead. Offsets index the zone's own text: the title for the headline, the article text
otherwise. Rates are per 1,000 words of the article and NaN (never 0) when undefined.
"""


def data_dictionary() -> str:
    """The data dictionary as Markdown."""
    parts = [_INTRO]
    for table in table_specs():
        parts.append(f"\n## `{table.name}`\n\n{table.description}\n")
        if table.order:
            parts.append(f"\nRows are ordered by {', '.join(table.order)}.\n")
        parts.append("\n| column | type | meaning |\n|---|---|---|\n")
        parts += [f"| `{c.name}` | {c.dtype} | {c.description} |\n" for c in table.columns]
    parts.append(
        "\n## Measures by family\n\nEach row of `measures` (and `outlets`) is one `measure` of "
        "one `category` of a `family`. Counts (`count`, `..._count`) are summed per outlet, "
        "rates (`per_1k`, `..._per_1k`) pooled (1,000 x summed count / summed words), every "
        "other measure averaged over the outlet's articles. The family `text` holds the sizes "
        "(`words` and `sentences`, measure `count`).\n"
    )
    for family in registry():
        slot = (
            f" Codebook: `{family.slot.default}` (`--{family.slot.option[2:]}`)."
            if (family.slot)
            else ""
        )
        parts.append(f"\n### `{family.name}`: {family.label}\n\n{family.description}{slot}\n")
        parts.append(f"Source: {family.citation}\n")
        parts.append(
            "\n| category | measure | unit | direction | meaning |\n|---|---|---|---|---|\n"
        )
        parts += [
            f"| `{m.category}` | `{m.measure}` | {m.unit} | {m.direction} | {m.description} |\n"
            for m in family.measures
        ]
    return "".join(parts)
