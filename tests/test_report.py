"""The HTML report as data: safe against hostile document text, self-contained."""
from __future__ import annotations

import re

import pytest

from factcheck.check import result_json, run_check
from factcheck.documents import Document, iter_documents
from factcheck.report import render_report

from .conftest import SEEDS

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>',
           "<a href='javascript:alert(4)'>x</a>"]


def hostile_docs():
    title = "كوريا الشمالية ترسل جنودا إلى روسيا " + HOSTILE[0]
    bodies = [f"أرسلت كوريا الشمالية 14000 جندي إلى روسيا {HOSTILE[1]} للقتال في أوكرانيا.",
              f"أرسلت كوريا الشمالية 11000 جندي إلى روسيا {HOSTILE[2]} {HOSTILE[3]} للقتال في أوكرانيا."]
    return [Document(id=f'x{k}"><b>', text=f"{title}\n{b}", source=f"<i>outlet{k}</i>", title_end=len(title),
                     url="javascript:alert(5)") for k, b in enumerate(bodies)]


@pytest.fixture(scope="module")
def hostile_html():
    r = run_check(hostile_docs())
    assert r.discrepancies, "the hostile documents must still produce a card"
    return render_report(r, result_json(r))


def test_document_text_cannot_inject_markup(hostile_html):
    assert "<script>alert" not in hostile_html
    assert "<img src=x" not in hostile_html and "<svg onload" not in hostile_html
    assert "href='javascript:" not in hostile_html and 'href="javascript:' not in hostile_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html  # shown as text
    assert "<i>outlet" not in hostile_html


def test_only_our_own_script_runs(hostile_html):
    assert len(re.findall(r"<script\b", hostile_html)) == 1
    assert "Content-Security-Policy" in hostile_html


def test_report_is_self_contained():
    r = run_check(iter_documents([SEEDS]))
    html = render_report(r, result_json(r))
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "@import" not in html and "url(" not in html
    assert '<html lang="ar" dir="rtl"' in html


def test_seeds_report_shows_both_contradictions_with_marked_quotes():
    r = run_check(iter_documents([SEEDS]))
    html = render_report(r, result_json(r))
    assert html.count('<article class="card') == 2
    assert "<mark>14000</mark>" in html and "<mark>5000</mark>" in html
    assert re.search(r'<mark id="c-[0-9a-f]{12}">حوالي 4000</mark>', html)


def test_changes_since_the_previous_report_are_counted():
    r = run_check(iter_documents([SEEDS]))
    data = result_json(r)
    previous = {"discrepancies": [data["discrepancies"][0], {"id": "dgone"}]}
    html = render_report(r, data, previous=previous)
    assert "+<bdi>1</bdi>" in html and "−<bdi>1</bdi>" in html
