"""Reports in a real browser: headless Chromium (Debian's package) loads the index and every
report from disk; every image renders, nothing logs a console error, nothing from the corpus runs
as script; a screenshot of each page is saved for review. Skipped when Chromium is absent."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.reports import build_reports

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile_html"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="headless Chromium and chromedriver (Debian: chromium, chromium-driver) absent",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
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


def test_sample_reports_render_in_chromium(
    browser: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("browser") / "sample"
    build_reports(None, out, jobs=2)
    pages = [
        out / "index.html",
        *sorted((out / "outlets").glob("*.html")),
        out / "comparative.html",
    ]
    shots = out.parent / "screenshots"
    shots.mkdir()
    for page in pages:
        _check_page(browser, page, shots / f"{page.stem}.png")
        count = browser.execute_script("return document.images.length;")  # type: ignore[attr-defined]
        assert count > 0 or page.name == "index.html", f"{page} shows no figure"
    assert len(list(shots.glob("*.png"))) == 6


def test_html_and_script_from_the_corpus_is_shown_as_text(
    browser: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("browser") / "hostile"
    run = build_reports(HOSTILE, out, jobs=2)
    assert [item.status for item in run.runs] == ["ok", "ok", "ok"]
    pages = [
        out / "index.html",
        *sorted((out / "outlets").glob("*.html")),
        out / "comparative.html",
    ]
    for page in pages:
        _check_page(browser, page, out.parent / f"{page.stem}.png")
    browser.get((out / "index.html").as_uri())  # type: ignore[attr-defined]
    text = browser.find_element("tag name", "body").text  # type: ignore[attr-defined]
    assert "<script>alert('outlet')</script>" in text
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
        assert re.fullmatch(r"[a-z0-9_.-]+", path.name), path
