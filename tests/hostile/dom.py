"""Read rendered HTML back as elements and attributes, to check that nothing from a corpus became
markup. Python's own HTML parser tokenises as browsers do for these checks (start tags and their
attributes); the Chromium test repeats the check on the live DOM."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HOSTILE_MARKER = "hostile"
"""Every payload of the hostile corpus carries this word in its tag, attribute or URL."""


@dataclass
class Element:
    tag: str
    attributes: list[tuple[str, str | None]]
    content: str = ""  # the text of a <style> or <script>: read by the browser, not shown


@dataclass
class Dom:
    elements: list[Element] = field(default_factory=list)
    text: str = ""

    @property
    def tags(self) -> set[str]:
        return {element.tag for element in self.elements}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dom = Dom()
        self._text: list[str] = []
        self._raw: Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs)
        self.dom.elements.append(element)
        if tag in ("style", "script"):
            self._raw = element

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw.content += data
        else:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.dom.text = "".join(self._text)


def parse(markup: str) -> Dom:
    """Every start tag of ``markup`` with its attributes, and its text with references decoded."""
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector.dom


def markup_from_corpus(dom: Dom, marker: str = HOSTILE_MARKER) -> list[Element]:
    """Elements whose tag, attribute names, attribute values or style/script text carry
    ``marker``.

    Heading anchors (``id`` and ``href="#..."`` made from the heading's text by nbconvert) and
    links to the report's own pages (``outlets/<slug>.html``: lower-case letters, digits and
    hyphens only) are not markup from the corpus: they are the page's own links.
    """
    found = []
    for element in dom.elements:
        for name, value in element.attributes:
            anchor = name == "id" or (
                name == "href" and re.fullmatch(r"#.*|outlets/[a-z0-9-]+\.html", value or "")
            )
            if marker in name or (marker in (value or "") and not anchor):
                found.append(element)
                break
        else:
            if marker in element.tag or marker in element.content:
                found.append(element)
    return found
