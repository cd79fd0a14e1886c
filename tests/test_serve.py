"""`factcheck serve`: decisions from the browser go to the nightly database, safely."""
from __future__ import annotations

import http.client
import json
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest

from factcheck.service.nightly import load_config, run_nightly
from factcheck.service.serve import ReviewServer, ServeConfig, ServeError
from factcheck.service.store import Store

from .conftest import SEEDS

NIGHT = "2025-01-10"


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("desk")
    cfg = load_config(None, inputs=[str(SEEDS)], database=str(tmp / "fc.db"), reports=str(tmp / "reports"), night=NIGHT,
                      init=True)
    run_nightly(cfg)
    return tmp


def start(desk: Path, **kw) -> ReviewServer:
    srv = ReviewServer(ServeConfig(database=str(desk / "fc.db"), reports=str(desk / "reports"), port=0, author="layla",
                                   **kw))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


@pytest.fixture
def server(desk):
    srv = start(desk)
    yield srv
    srv.shutdown()
    srv.server_close()


def request(srv, method, path, body=None, headers=None):
    port = srv.server_address[1]
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    h = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if body is not None:
        body = urlencode(body)
        h.setdefault("Content-Type", "application/x-www-form-urlencoded")
    con.request(method, path, body=body, headers=h)
    r = con.getresponse()
    out = r.status, dict(r.getheaders()), r.read().decode("utf-8", "replace")
    con.close()
    return out


def first_id(desk) -> str:
    return json.loads((desk / "reports" / "latest" / "discrepancies.json").read_text())["discrepancies"][0]["id"]


def decisions(desk, did):
    s = Store(desk / "fc.db")
    try:
        return s.decisions(did)
    finally:
        s.close()


def origin(srv):
    return f"http://127.0.0.1:{srv.server_address[1]}"


def test_served_report_has_decision_forms_with_a_csrf_token(server):
    status, headers, html = request(server, "GET", "/latest/report.html")
    assert status == 200 and "form-action 'self'" in headers["Content-Security-Policy"]
    assert f'name="csrf" value="{server.csrf}"' in html
    assert html.count('<form class="decide"') == html.count('<article class="card')


def test_write_without_csrf_token_or_from_elsewhere_is_refused(server, desk):
    did = first_id(desk)
    before = len(decisions(desk, did))
    form = {"discrepancy": did, "decision": "confirm", "by": "x", "back": "/latest/report.html"}
    assert request(server, "POST", "/decide", form, {"Origin": origin(server)})[0] == 403
    assert request(server, "POST", "/decide", {**form, "csrf": "guess"}, {"Origin": origin(server)})[0] == 403
    assert request(server, "POST", "/decide", {**form, "csrf": server.csrf}, {"Origin": "http://evil.example"})[0] == 403
    assert request(server, "POST", "/decide", {**form, "csrf": server.csrf})[0] == 403  # no Origin, no Referer
    assert request(server, "POST", "/decide", {**form, "csrf": server.csrf},
                   {"Origin": origin(server), "Host": "evil.example"})[0] == 421  # DNS rebinding
    assert len(decisions(desk, did)) == before


def test_decision_is_appended_shown_at_once_and_exported(server, desk):
    did = first_id(desk)
    form = {"discrepancy": did, "decision": "confirm", "by": "layla", "note": "=cmd()", "csrf": server.csrf,
            "back": "/latest/report.html"}
    status, headers, _ = request(server, "POST", "/decide", form, {"Origin": origin(server)})
    assert status == 303 and headers["Location"] == f"/latest/report.html#{did}"
    last = decisions(desk, did)[-1]
    assert (last["decision"], last["by"], last["note"]) == ("confirm", "layla", "=cmd()") and last["at"]
    html = request(server, "GET", "/latest/report.html")[2]
    assert 'data-decision="confirm"' in html and "decision-confirm" in html
    csv_text = request(server, "GET", "/export.csv")[2]
    assert did in csv_text and "'=cmd()" in csv_text  # not a spreadsheet formula
    exported = json.loads(request(server, "GET", "/export.json")[2])
    assert exported[0]["discrepancy"] == did and exported[0]["decision"] == "confirm"


def test_nothing_outside_the_reports_folder_is_served(server):
    for path in ("/../fc.db", "/%2e%2e/fc.db", "/latest/../../fc.db", "/nightly.log/../../fc.db"):
        assert request(server, "GET", path)[0] == 404


def test_token_is_required_on_every_request_when_set(desk):
    srv = start(desk, token="s3cret-token-of-the-desk")
    try:
        assert request(srv, "GET", "/latest/report.html")[0] == 401
        status, headers, _ = request(srv, "GET", "/latest/report.html?token=s3cret-token-of-the-desk")
        assert status == 303 and "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
        cookie = {"Cookie": "factcheck_token=s3cret-token-of-the-desk"}
        assert request(srv, "GET", "/latest/report.html", headers=cookie)[0] == 200
        form = {"discrepancy": first_id(desk), "decision": "confirm", "by": "x", "csrf": srv.csrf}
        assert request(srv, "POST", "/decide", form, {"Origin": origin(srv)})[0] == 401
    finally:
        srv.shutdown()
        srv.server_close()


def test_no_public_address_without_a_token(desk):
    with pytest.raises(ServeError, match="token"):
        ReviewServer(ServeConfig(database=str(desk / "fc.db"), reports=str(desk / "reports"), host="0.0.0.0", port=0))


def test_cli_refuses_a_public_address_without_a_token(desk):
    from .test_documents import run_cli
    r = run_cli("serve", "--db", desk / "fc.db", "--reports", desk / "reports", "--host", "0.0.0.0", "--port", "0")
    assert r.returncode == 2 and "token" in r.stderr


def test_redirect_stays_on_this_server(server, desk):
    did = first_id(desk)
    for back in ("//evil.example/x", "http://evil.example/", "/ok\r\nSet-Cookie: x=1"):
        form = {"discrepancy": did, "decision": "reopen", "by": "layla", "csrf": server.csrf, "back": back}
        status, headers, _ = request(server, "POST", "/decide", form, {"Origin": origin(server)})
        assert status == 303 and headers["Location"] == f"/#{did}" and "x=1" not in str(headers)
