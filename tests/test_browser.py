"""Reports as a browser sees them. The hostile corpus (``tests/data/hostile_html``: outlet names,
titles and texts full of tags, links, styles, script URLs, line breaks and control characters)
is rendered once; its pages are read back as elements and attributes, by Python's HTML parser
always and by headless Chromium (Debian's package) where it is installed: no element or
attribute comes from the corpus, nothing is fetched, nothing runs. The sample reports load in
Chromium with every image rendered and no console error; a screenshot of each page is saved for
review. `python3 run.py test` installs Chromium when it runs as root with apt-get (CI does)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.dom import Dom, Element, markup_from_corpus, parse
from toolkit.escaping import one_line
from toolkit.reports import ReportRun, build_reports

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile_html"
NO_BROWSER = (
    "headless Chromium and chromedriver (Debian: chromium, chromium-driver) are not installed; "
    "`python3 run.py test` installs them when it runs as root with apt-get"
)
ACTIVE_TAGS = {"script", "link", "iframe", "object", "embed", "base", "form", "svg", "frame"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip(NO_BROWSER)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,2000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> ReportRun:
    out = tmp_path_factory.mktemp("browser") / "hostile"
    return build_reports(HOSTILE, out, jobs=2)


def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "outlets").glob("*.html")), out / "comparative.html"]


def _outlets() -> list[str]:
    import csv

    with (HOSTILE / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        return [row["outlet"].strip() for row in csv.DictReader(handle)]


def _check_dom(dom: Dom, page: Path) -> None:
    assert markup_from_corpus(dom) == [], page
    assert not dom.tags & ACTIVE_TAGS, (page, dom.tags & ACTIVE_TAGS)
    for element in dom.elements:
        attributes = dict(element.attributes)
        assert not any(name.startswith("on") for name in attributes), (page, element)
        if element.tag == "img":
            assert (attributes.get("src") or "").startswith("data:image/png;base64,"), page
        if element.tag == "a":
            href = attributes.get("href") or ""
            assert re.fullmatch(r"#\S*|[a-z0-9_./-]+", href), (page, href)
    assert "missing from font" not in dom.text, page


def test_the_hostile_corpus_becomes_no_markup(hostile_reports: ReportRun) -> None:
    """Python's parser over every page: no element or attribute from the corpus, no script,
    link, frame or external image, and every outlet name shown as its text on one line."""
    assert [item.status for item in hostile_reports.runs] == ["ok"] * 4
    out = hostile_reports.out_dir
    index = parse((out / "index.html").read_text(encoding="utf-8"))
    for page in _pages(out):
        markup = page.read_text(encoding="utf-8")
        dom = parse(markup)
        _check_dom(dom, page)
        title = re.search(r"<title>(.*?)</title>", markup, re.DOTALL)
        assert title is not None and not re.search(r"[\x00-\x1f\x7f]", title.group(1)), page
    for outlet in _outlets():
        assert one_line(outlet) in index.text
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
        assert re.fullmatch(r"[a-z0-9_.-]+", path.name), path


def test_a_newline_in_an_outlet_name_does_not_split_its_heading(
    hostile_reports: ReportRun,
) -> None:
    outlet = next(name for name in _outlets() if "\n" in name)
    run = next(item for item in hostile_reports.runs if item.name == outlet)
    markup = (hostile_reports.out_dir / run.html).read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)<a class=\"anchor-link\"", markup, re.DOTALL)
    assert one_line(outlet) in [parse(heading).text for heading in headings]


def _check_page(driver: object, page: Path, screenshot: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    driver.get(page.as_uri())  # type: ignore[attr-defined]
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # type: ignore[attr-defined]  # noqa: B018
    images = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth]);"
    )
    assert all(complete and width > 0 for complete, width in images), (page, images)
    errors = [
        entry
        for entry in driver.get_log("browser")  # type: ignore[attr-defined]
        if entry["level"] == "SEVERE"
    ]
    assert errors == [], (page, errors)
    assert driver.save_screenshot(str(screenshot))  # type: ignore[attr-defined]


_LIVE_DOM = """
return Array.from(document.querySelectorAll('*')).map(e => [
    e.tagName.toLowerCase(),
    Array.from(e.attributes).map(a => [a.name, a.value]),
    ['style', 'script'].includes(e.tagName.toLowerCase()) ? e.textContent : '',
]);
"""
_FETCHED = """
return performance.getEntriesByType('resource').map(r => r.name)
    .filter(name => !name.startsWith('data:'));
"""


def test_sample_reports_render_in_chromium(
    browser: object, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The session's sample reports (tests/conftest.py), asked for once the browser is there.
    sample_reports: Path = request.getfixturevalue("sample_reports")
    pages = _pages(sample_reports)
    shots = tmp_path_factory.mktemp("screenshots")
    for page in pages:
        _check_page(browser, page, shots / f"{page.stem}.png")
        count = browser.execute_script("return document.images.length;")  # type: ignore[attr-defined]
        assert count > 0 or page.name == "index.html", f"{page} shows no figure"
    assert len(list(shots.glob("*.png"))) == 6


def test_html_and_script_from_the_corpus_is_shown_as_text(
    browser: object, hostile_reports: ReportRun
) -> None:
    """The live DOM in Chromium: no element or attribute from the corpus, nothing fetched,
    no alert, no console error, the page title free of control characters."""
    out = hostile_reports.out_dir
    for page in _pages(out):
        _check_page(browser, page, out.parent / f"{page.stem}.png")
        live = browser.execute_script(_LIVE_DOM)  # type: ignore[attr-defined]
        body = browser.find_element("tag name", "body").text  # type: ignore[attr-defined]
        elements = [
            Element(tag, [tuple(pair) for pair in pairs], content) for tag, pairs, content in live
        ]
        dom = Dom(elements, body)
        _check_dom(dom, page)
        assert browser.execute_script(_FETCHED) == [], page  # type: ignore[attr-defined]
        title = browser.execute_script("return document.title;")  # type: ignore[attr-defined]
        assert not re.search(r"[\x00-\x1f\x7f]", title), page
    browser.get((out / "index.html").as_uri())  # type: ignore[attr-defined]
    text = browser.find_element("tag name", "body").text  # type: ignore[attr-defined]
    assert "<script>alert('outlet')</script>" in text
    assert "<img src=x-hostile onerror=alert('hostile')>" in text
