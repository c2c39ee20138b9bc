"""Rewrite docs/data-dictionary.md from the table specs and the family registry."""

from __future__ import annotations

from pathlib import Path

from toolkit.pipeline.dictionary import data_dictionary

TARGET = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"


def main() -> None:
    """Write the data dictionary."""
    TARGET.write_text(data_dictionary(), encoding="utf-8")
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
