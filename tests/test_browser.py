"""The report in a real headless browser, as an editor uses it.

Needs Debian's chromium (/usr/bin/chromium) and the playwright package; the
test setup (.ci/run) installs both.  Without them these tests skip and say why.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS
from .test_documents import run_cli

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no browser at {CHROMIUM}: apt-get install chromium (or set FACTCHECK_CHROMIUM)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    r = run_cli("check", SEEDS, "-o", out)
    assert r.returncode == 0, r.stderr
    return out / "report.html"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    requests = []
    pg.on("request", lambda req: requests.append(req.url))
    pg.requests = requests
    yield pg
    ctx.close()


def test_seed_contradictions_are_shown_with_highlighted_quotes(page, report):
    page.goto(report.as_uri())
    cards = page.locator("article.card")
    assert cards.count() == 2
    marks = page.locator("article.card blockquote mark").all_inner_texts()
    assert "14000" in marks and "5000" in marks and "حوالي 4000" in marks
    assert page.locator("article.card svg.chart").count() == 2


def test_filters_change_the_cards_and_live_in_the_url(page, report):
    page.goto(report.as_uri())
    page.select_option("select[name=type]", "part_exceeds_whole")
    visible = page.locator("article.card:visible")
    assert visible.count() == 1
    assert "type=part_exceeds_whole" in page.url
    # a shared link restores the filter
    page.goto(page.url)
    page.reload()
    assert page.locator("article.card:visible").count() == 1
    page.fill("input[name=q]", "14000")
    assert page.locator("article.card:visible").count() == 0


def test_quote_link_opens_the_document_with_the_claim_in_view(page, report):
    page.goto(report.as_uri())
    link = page.locator("article.card a.doclink").first
    target = link.get_attribute("href")
    link.click()
    mark = page.locator(target)
    assert mark.evaluate("e => e.tagName") == "MARK"
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_keyboard_moves_between_discrepancies(page, report):
    page.goto(report.as_uri())
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.id")
    page.keyboard.press("j")
    second = page.evaluate("document.activeElement.id")
    assert first and second and first != second


def test_english_interface_switch(page, report):
    page.goto(report.as_uri())
    assert page.locator("h1 .l-ar").is_visible() and not page.locator("h1 .l-en").is_visible()
    page.click("#lang")
    assert page.locator("h1 .l-en").is_visible()


def test_no_request_leaves_the_page(page, report):
    page.goto(report.as_uri())
    page.wait_for_load_state("networkidle")
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.requests), page.requests


def test_readable_without_javascript(browser, report):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(report.as_uri())
    assert pg.locator("article.card:visible").count() == 2
    assert not pg.locator("#filters").is_visible()
    ctx.close()


def test_hostile_document_runs_nothing(browser, tmp_path):
    from factcheck.check import write_outputs, run_check
    from .test_report import hostile_docs
    write_outputs(run_check(hostile_docs()), tmp_path)
    ctx = browser.new_context()
    pg = ctx.new_page()
    dialogs = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto((tmp_path / "report.html").as_uri())
    pg.wait_for_timeout(300)
    for a in pg.locator("a").all()[:50]:
        href = a.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    assert dialogs == []
    ctx.close()


def test_screenshot(page, report, tmp_path):
    page.goto(report.as_uri())
    shot = tmp_path / "report-seeds.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    if os.environ.get("FACTCHECK_UPDATE_DOCS"):
        shutil.copy(shot, ROOT / "docs" / "report-seeds.png")


def test_entity_filter(page, report):
    page.goto(report.as_uri())
    options = page.locator("select[name=entity] option").all_inner_texts()
    assert "كوريا الشمالية" in options and "north_korea" not in options  # by its name, filtered by its id
    page.select_option("select[name=entity]", "north_korea")
    assert page.locator("article.card:visible").count() == 2
    assert "entity=north_korea" in page.url
