"""Self-contained HTML: report pages from executed notebooks, and the index of a batch.

Pages carry no scripts and no external styles or fonts, so they open offline and can be
published as they are. Every piece of text that comes from a corpus (titles, outlet names,
article text) is escaped by ``toolkit.escaping``.
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.escaping import html_text

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:0;
background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:1.5rem 2rem;background:#fff}
h1,h2,h3{line-height:1.25}
table{border-collapse:collapse;margin:0.8rem 0;font-size:13px}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #999}
img{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f4f4f4;padding:0.5rem}
.failed{color:#b00020;font-weight:600}
.ci{white-space:nowrap;color:#555}
a.anchor-link{visibility:hidden;text-decoration:none;color:#999;margin-left:0.3rem}
h1:hover a.anchor-link,h2:hover a.anchor-link,h3:hover a.anchor-link{visibility:visible}
.jp-InputArea,.input_area{background:#f4f4f4}
"""


def page(title: str, body: str) -> str:
    """A complete HTML page around ``body`` (which must already be safe HTML)."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_text(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def notebook_html(path: Path, title: str, *, show_code: bool) -> str:
    """HTML of an executed notebook: outputs only unless ``show_code``; no scripts at all."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    return page(title, neutralise_active_content(body))


_ACTIVE_TAG = re.compile(r"<(/?)(script|iframe|object|embed|base|form|meta)\b", re.IGNORECASE)
_EVENT_ATTRIBUTE = re.compile(r"(<[a-z][^>]*?\s)(on[a-z]+\s*=)", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"""((?:href|src|action)\s*=\s*["']?)\s*javascript:""", re.IGNORECASE)


def neutralise_active_content(body: str) -> str:
    """Defuse anything that could run in a browser: script-like tags, event-handler attributes
    and ``javascript:`` URLs are turned into inert text.

    A safety net only: text from a corpus is escaped where it is put into a notebook output
    (``toolkit.notebook.page.text``); pandas escapes tables itself.
    """
    body = _ACTIVE_TAG.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}", body)
    while _EVENT_ATTRIBUTE.search(body):
        body = _EVENT_ATTRIBUTE.sub(lambda m: f"{m.group(1)}data-blocked-{m.group(2)}", body)
    return _SCRIPT_URL.sub(lambda m: f"{m.group(1)}blocked:", body)
