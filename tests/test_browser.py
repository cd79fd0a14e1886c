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
    page.set_viewport_size({"width": 1200, "height": 1500})
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


# -- the editors' desk (issue 11) --------------------------------------------------------------
import json  # noqa: E402
import re  # noqa: E402
import threading  # noqa: E402

DESK_DOCS = [
    {"id": "ar1-20180514", "source": "alarabia", "published": "2018-05-14T10:00:00+04:00",
     "title": "بيونغ يانغ ترسل آلاف الجنود إلى روسيا",
     "text": "أرسلت كوريا الشمالية 14000 جندي إلى روسيا للقتال في أوكرانيا، بحسب ما قال الرئيس الأوكراني زيلينسكي في كييف."},
    {"id": "bb1-20180514", "source": "BBC", "published": "2018-05-14T09:00:00+00:00",
     "title": "كوريا الشمالية تعزز دعمها لموسكو",
     "text": "أرسلت كوريا الشمالية 11000 جندي إلى روسيا للقتال في أوكرانيا، وفق تقديرات غربية."},
    {"id": "sk1-20180514", "source": "skynews", "published": "2018-05-14T13:30:00+00:00",
     "title": "جنود كوريون شماليون على جبهة كورسك",
     "text": "أرسلت كوريا الشمالية 11000 جندي إلى روسيا للقتال في أوكرانيا."},
]
# identifiers an Arabic reader must never see: types, severities, tiers, decisions, outlets, entities
SLUGS = {"value_mismatch", "bound_violated", "part_exceeds_whole", "update", "high", "medium", "low", "info",
         "alarm", "review", "confirm", "dismiss", "alarabia", "BBC", "skynews", "north_korea", "russia", "ukraine",
         "unknown", "same_source", "disputed", "new", "open"}


@pytest.fixture(scope="module")
def desk_input(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("desk_in")
    (d / "desk.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in DESK_DOCS), encoding="utf-8")
    return d / "desk.jsonl"


@pytest.fixture(scope="module")
def desk_report(tmp_path_factory, desk_input) -> Path:
    out = tmp_path_factory.mktemp("desk_out")
    r = run_cli("check", desk_input, "-o", out)
    assert r.returncode == 0, r.stderr
    return out / "report.html"


def visible_text(page) -> str:
    # cards off screen skip rendering (content-visibility: auto), and with it innerText: render them all
    page.add_style_tag(content=".card { content-visibility: visible !important; }")
    return page.evaluate("""() => document.body.innerText + ' ' +
        Array.from(document.querySelectorAll('select option')).map(o => o.textContent).join(' ')""")


@pytest.mark.parametrize("which", ["seeds", "desk"])
def test_every_card_names_its_story_shows_headlines_and_a_timeline(page, report, desk_report, which):
    page.goto((report if which == "seeds" else desk_report).as_uri())
    cards = page.locator("article.card")
    assert cards.count() >= 1
    for k in range(cards.count()):
        card = cards.nth(k)
        assert card.locator("h2.story").text_content().strip()
        heads = card.locator("ul.docs li .headline").all_text_contents()
        assert len(heads) >= 2 and all(h.strip() for h in heads)
        svg = card.locator("svg.timeline")
        assert svg.is_visible()
        assert svg.locator("circle").count() == card.locator("figure.claim").count()
        assert card.locator("figcaption.legend .key").count() >= 3


def test_desk_card_reads_as_an_editor_expects(page, desk_report):
    page.goto(desk_report.as_uri())
    card = page.locator("article.card").first
    assert card.locator("h2.story").inner_text() == "بيونغ يانغ ترسل آلاف الجنود إلى روسيا"  # earliest (06:00 UTC)
    docs = card.locator("ul.docs").inner_text()
    assert "العربية" in docs and "بي بي سي عربي" in docs and "سكاي نيوز عربية" in docs
    assert "2018-05-14 06:00" in docs  # 10:00+04:00 in UTC
    assert page.locator(".zone").inner_text().strip() == "الأوقات كلها بتوقيت غرينتش"


@pytest.mark.parametrize("which", ["seeds", "desk"])
def test_no_latin_identifier_is_visible_in_arabic_mode(page, report, desk_report, which):
    page.goto((report if which == "seeds" else desk_report).as_uri())
    text = visible_text(page)
    words = set(re.findall(r"[A-Za-z_]+", text))
    assert not words & SLUGS, words & SLUGS
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)


def test_english_mode_is_left_to_right(page, desk_report):
    page.goto(desk_report.as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).direction") == "rtl"
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).direction") == "ltr"
    assert "Al Arabiya" in page.locator("article.card ul.docs").inner_text()
    assert page.locator("select[name=source] option", has_text="BBC Arabic").count() == 1
    page.reload()  # the choice is in the URL
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_search_tolerates_arabic_spelling_variants(page, desk_report):
    page.goto(desk_report.as_uri())
    for query in ("زيلنسكي", "زيلينسكي", "بيونج يانج", "بيونغ يانغ", "البيونج"):
        page.fill("input[name=q]", query)
        assert page.locator("article.card:visible").count() == 1, query
    page.fill("input[name=q]", "طوكيو")
    assert page.locator("article.card:visible").count() == 0


def test_story_filter_lists_story_names(page, desk_report):
    page.goto(desk_report.as_uri())
    options = page.locator("select[name=story] option").all_inner_texts()
    assert "بيونغ يانغ ترسل آلاف الجنود إلى روسيا" in options
    assert not any(re.search(r"\d{8}", o) for o in options)  # no document ids


def test_decision_clicked_in_serve_is_stored_shown_and_in_the_next_report(browser, tmp_path, desk_input):
    from factcheck.service.nightly import load_config, run_nightly
    from factcheck.service.serve import ReviewServer, ServeConfig
    from factcheck.service.store import Store
    db, reports = tmp_path / "fc.db", tmp_path / "reports"
    run_nightly(load_config(None, inputs=[str(desk_input)], database=str(db), reports=str(reports), night="2018-05-14",
                            init=True))
    srv = ReviewServer(ServeConfig(database=str(db), reports=str(reports), port=0, author="layla"))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        pg.goto(base + "/latest/report.html")
        card = pg.locator("article.card").first
        did = card.get_attribute("id")
        card.locator("input[name=note]").fill("confirmed with the ministry")
        with pg.expect_navigation():
            card.locator("button.confirm").click()
        card = pg.locator(f"article.card[id='{did}']")
        assert card.get_attribute("data-decision") == "confirm"
        assert card.locator(".badge.decision-confirm").inner_text().startswith("مؤكد")
        # a write without the page's token is refused, even from the same browser
        r = pg.request.post(base + "/decide", form={"discrepancy": did, "decision": "dismiss", "by": "mallory"},
                            headers={"Origin": base})
        assert r.status == 403
    finally:
        ctx.close()
        srv.shutdown()
        srv.server_close()
    store = Store(db)
    try:
        rows = store.decisions(did)
    finally:
        store.close()
    assert [(r["decision"], r["by"], r["note"]) for r in rows] == [("confirm", "layla", "confirmed with the ministry")]
    run_nightly(load_config(None, inputs=[str(desk_input)], database=str(db), reports=str(reports), night="2018-05-15"))
    html = (reports / "2018-05-15" / "report.html").read_text(encoding="utf-8")
    assert re.search(rf'id="{did}"[^>]*\n?[^>]*data-decision="confirm"', html)
    pg = browser.new_page()
    pg.goto((reports / "2018-05-15" / "report.html").as_uri())
    assert pg.locator(f"article.card[id='{did}'] .badge.decision-confirm").is_visible()
    pg.select_option("select[name=decision]", "confirm")
    assert pg.locator("article.card:visible").count() == 1
    pg.close()
