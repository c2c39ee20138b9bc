"""Issue 16, items 1 and 15: every corpus string reaching Markdown or HTML goes through
``toolkit.escaping`` and renders as its own text, on one line, with no element or
attribute of its own. Rendered with nbconvert's Markdown renderer, as report pages are."""

from __future__ import annotations

import pandas as pd
import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from tests.hostile.dom import markup_from_corpus, parse
from toolkit.compare import resampling_note
from toolkit.escaping import html_text, markdown_code, markdown_text, one_line
from toolkit.notebook import page
from toolkit.reports.html import page as html_page
from toolkit.reports.index import index_pages

HOSTILE = [
    "<img src=x-hostile onerror=alert('hostile')>",
    '<link rel=stylesheet href="http://127.0.0.1:9/hostile.css">',
    "<style>body{background:url(http://127.0.0.1:9/hostile.png)}</style>",
    "<a href=\"jav&#x09;ascript:alert('hostile')\">click</a>",
    "[click](javascript:alert('hostile'))",
    "![x](http://127.0.0.1:9/hostile.png)",
    "https://hostile.example/x.png",
    "<hostile@example.org>",
    "$<b class=hostile>math</b>$",
    "`<b class=hostile>` code",
    "1. hostile list",
    "- hostile item",
    "# hostile heading",
    "Two\nlines\r\n\nhostile\u2028split",
    "\x1b[31mhostile\x00\x7f",
    "&lt;b class=hostile&gt; &amp;",
    "hostile | table | cell",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_renders_as_its_own_text(value: str) -> None:
    dom = parse(markdown2html_mistune(markdown_text(value)))
    assert dom.tags == {"p"}
    assert markup_from_corpus(dom) == []
    assert dom.text.strip() == one_line(value)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_heading_stays_one_heading(value: str) -> None:
    dom = parse(markdown2html_mistune(page.heading(value, level=2).data))
    assert [element.tag for element in dom.elements] == ["h2", "a"]  # the heading and its anchor
    assert markup_from_corpus(dom) == []
    assert dom.text.replace("\u00b6", "").strip() == one_line(value)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_code_span_shows_its_text(value: str) -> None:
    dom = parse(markdown2html_mistune(markdown_code(value)))
    assert [element.tag for element in dom.elements] == ["p", "code"]
    assert dom.text.strip() == one_line(value)


def test_one_line_keeps_printable_text_and_flattens_the_rest() -> None:
    assert one_line("  a\nb\r\n\tc\u2028d ") == "a b c d"
    assert one_line("x\x1by\x00z\ud83d") == "x\ufffdy\ufffdz\ufffd"
    assert one_line("Plain Outlet: U.S. & Iran 😀") == "Plain Outlet: U.S. & Iran 😀"


def test_the_resampling_note_shows_outlet_names_as_text() -> None:
    """The note of the comparative report put outlet names into Markdown unescaped."""
    intervals = pd.DataFrame(
        {
            "outlet": HOSTILE[:5],
            "unit": ["articles", "articles", "sentences", "sentences", "articles"],
            "small_sample": [True, False, True, False, True],
        }
    )
    dom = parse(markdown2html_mistune(resampling_note(intervals)))
    assert dom.tags == {"p", "strong"}
    assert markup_from_corpus(dom) == []
    for name in HOSTILE[:5]:
        assert one_line(name) in dom.text


def test_the_page_title_holds_no_control_characters() -> None:
    markup = html_page("Outlet\nwith \x1b[31m<b>", "<p>body</p>")
    assert "<title>Outlet with \ufffd[31m&lt;b&gt;</title>" in markup
    assert html_text('"quoted" <x>') == "&quot;quoted&quot; &lt;x&gt;"


def test_the_index_shows_hostile_outlets_as_text() -> None:
    notebooks = [
        {"name": name, "html": f"outlets/o{i}.html", "status": "ok", "error": ""}
        for i, name in enumerate(HOSTILE)
    ]
    summary = pd.DataFrame({"outlet": list(HOSTILE), "articles": 1, "words": 100})
    markup = index_pages(
        corpus="<b class=hostile>corpus</b>",
        toolkit_version="0",
        codebooks=[{"name": "hedging", "version": "1.0.0"}],
        summary=summary,
        summary_lines=[f"{HOSTILE[0]} hedges more than {HOSTILE[1]}."],
        notebooks=notebooks,
        n_rejected=0,
    )["index.html"]
    dom = parse(markup)
    assert markup_from_corpus(dom) == []
    assert dom.tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2"} | {
        "p",
        "ul",
        "li",
        "code",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    for name in HOSTILE:
        assert one_line(name) in dom.text


def test_the_validation_summary_quotes_entries_as_code() -> None:
    from toolkit.validation.scoring import ValidationResult, summary

    entries = pd.DataFrame({"rule": ["a`<img src=x-hostile>"], "coded": [4], "correct": [1]})
    result = ValidationResult(
        entries=entries,
        to_fix=entries,
        errors=entries.head(0),
        kappa=float("nan"),
        n_common=0,
        threshold=0.8,
        min_items=3,
    )
    dom = parse(markdown2html_mistune(summary(result)))
    assert dom.tags == {"p", "code"}
    assert "a`<img src=x-hostile>" in dom.text


def test_the_dom_check_finds_raw_markup() -> None:
    """The checks above cannot pass vacuously: unescaped, these payloads become markup."""
    for value in HOSTILE[1:6]:
        assert markup_from_corpus(parse(markdown2html_mistune(value))) != [], value
    assert markup_from_corpus(parse("<p><img src=x-hostile></p>")) != []
