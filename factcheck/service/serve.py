"""`factcheck serve`: the nightly reports, with Confirm / Dismiss / Reopen on each card.

The server re-renders a night's report (REPORTS/NIGHT/discrepancies.json and
the stored documents) with the decisions as they are now, so a decision shows
on its card at once; decisions go to the same SQLite store as `factcheck
review` (append-only, with time and author), so the next night's report has
them too.  The static report files stay what they are: usable without it.

Safety:
- bound to 127.0.0.1 by default; any other address needs a token (given once
  as ?token=…, then kept in an HttpOnly SameSite=Strict cookie, or sent as
  `Authorization: Bearer …`), checked on every request;
- every write is a POST carrying the page's CSRF token, from a page of this
  server (its Origin, or Referer, must be this server) with a known Host;
- nothing is served outside the reports folder.
"""
from __future__ import annotations

import csv
import hmac
import io
import ipaddress
import json
import secrets
import threading
import tomllib
from dataclasses import dataclass
from datetime import date
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .nightly import night_report_path, previous_report
from ..publishing.report import documents_only, render_report
from .store import Store, decision_on
from ..publishing.writers import read_json, render

DECISIONS = ("confirm", "dismiss", "reopen")
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8",
                ".csv": "text/csv; charset=utf-8", ".png": "image/png", ".log": "text/plain; charset=utf-8"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"
MAX_BODY = 16_384


class ServeError(Exception):
    pass


@dataclass
class ServeConfig:
    database: str
    reports: str
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    author: str | None = None
    timezone: str = "UTC"
    citation: str | None = None


def serve_table(path: str | None) -> dict:
    """The [serve] table of the config file (host, port, token, author)."""
    if not path:
        return {}
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("serve", {})
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ServeError(f"config {path}: {e}") from None
    unknown = set(data) - {"host", "port", "token", "author"}
    if unknown:
        raise ServeError(f"config {path}: unknown setting(s) {', '.join(sorted(unknown))} in [serve]")
    return data


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ReviewServer(HTTPServer):
    """One thread serves requests one at a time (an editors' desk, not a web farm)."""

    def __init__(self, cfg: ServeConfig):
        if not is_loopback(cfg.host) and not cfg.token:
            raise ServeError(f"refusing to listen on {cfg.host} without a token: set [serve] token in the config, "
                             f"--token, or FACTCHECK_SERVE_TOKEN (or listen on 127.0.0.1)")
        if cfg.token is not None and len(cfg.token) < 16:
            raise ServeError("the token must be at least 16 characters")
        self.cfg = cfg
        self.csrf = secrets.token_urlsafe(32)
        self.reports = Path(cfg.reports).resolve()
        self._store: Store | None = None
        self._store_thread: int | None = None
        super().__init__((cfg.host, cfg.port), Handler)

    @property
    def origin_hosts(self) -> set[str]:
        port = self.server_address[1]
        hosts = {f"{self.cfg.host}:{port}", f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
        return hosts

    def store(self) -> Store:
        # sqlite connections belong to the thread that made them: the serving thread
        if self._store is None or self._store_thread != threading.get_ident():
            self._store = Store(self.cfg.database)
            self._store_thread = threading.get_ident()
        return self._store

    def server_close(self) -> None:
        super().server_close()
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001 - another thread's connection: let it go
                pass


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "factcheck-serve"
    sys_version = ""

    def log_message(self, fmt, *args):  # quiet: the decisions are the log that matters
        pass

    # -- responses ----------------------------------------------------------------------------
    def _send(self, status: int, body: bytes | str, ctype: str = "text/plain; charset=utf-8",
              headers: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Content-Security-Policy", CSP)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _refuse(self, status: int, why: str) -> None:
        self._send(status, why + "\n")

    # -- checks -------------------------------------------------------------------------------
    def _host_ok(self) -> bool:
        """On a loopback address only our own names are accepted (no DNS rebinding); elsewhere the token guards."""
        if not is_loopback(self.server.cfg.host):
            return True
        return (self.headers.get("Host") or "") in self.server.origin_hosts

    def _authorised(self, query: dict) -> bool | str:
        """True, False, or 'set-cookie' when the token came in the query string."""
        token = self.server.cfg.token
        if not token:
            return True
        auth = self.headers.get("Authorization") or ""
        if auth.startswith("Bearer ") and hmac.compare_digest(auth[7:].encode(), token.encode()):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("Cookie") or "")
        except CookieError:
            pass
        if "factcheck_token" in cookie and hmac.compare_digest(cookie["factcheck_token"].value.encode(), token.encode()):
            return True
        if query.get("token") and hmac.compare_digest(query["token"][0].encode(), token.encode()):
            return "set-cookie"
        return False

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is None or origin == "null":
            ref = self.headers.get("Referer")
            if not ref:
                return False
            origin = ref
        parts = urlsplit(origin)
        return parts.scheme == "http" and parts.netloc == (self.headers.get("Host") or "")

    # -- GET ----------------------------------------------------------------------------------
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if not self._host_ok():
            return self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "unknown Host")
        auth = self._authorised(query)
        if not auth:
            return self._refuse(HTTPStatus.UNAUTHORIZED, "a token is needed: open the address with ?token=…")
        if auth == "set-cookie":
            self.send_response(HTTPStatus.SEE_OTHER)
            self.send_header("Location", url.path or "/")
            self.send_header("Set-Cookie", f"factcheck_token={self.server.cfg.token}; HttpOnly; SameSite=Strict; Path=/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path = url.path
        try:
            if path in ("/", "/index.html"):
                if (self.server.reports / "index.html").exists():
                    return self._static("index.html")
                return self._redirect("/latest/report.html")
            if path == "/export.csv":
                return self._send(HTTPStatus.OK, export_csv(self.server.store()), "text/csv; charset=utf-8",
                                  {"Content-Disposition": 'attachment; filename="decisions.csv"'})
            if path == "/export.json":
                return self._send(HTTPStatus.OK, export_json(self.server.store()), "application/json; charset=utf-8",
                                  {"Content-Disposition": 'attachment; filename="decisions.json"'})
            parts = path.strip("/").split("/")
            if len(parts) == 2 and parts[1] == "report.html" and _night_name(parts[0]):
                html = self._live_report(parts[0], path)
                if html is None:
                    return self._refuse(HTTPStatus.NOT_FOUND, "no such night")
                return self._send(HTTPStatus.OK, html, "text/html; charset=utf-8")
            return self._static(path.lstrip("/"))
        except (OSError, ValueError) as e:
            return self._refuse(HTTPStatus.INTERNAL_SERVER_ERROR, f"error: {e}")

    def _redirect(self, where: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _static(self, rel: str) -> None:
        target = (self.server.reports / rel).resolve()
        if self.server.reports not in target.parents or not target.is_file() or target.suffix not in STATIC_TYPES:
            return self._refuse(HTTPStatus.NOT_FOUND, "not found")
        return self._send(HTTPStatus.OK, target.read_bytes(), STATIC_TYPES[target.suffix])

    def _live_report(self, night: str, path: str) -> str | None:
        return live_report(self.server, night, path)

    # -- POST ---------------------------------------------------------------------------------
    def do_POST(self):
        url = urlsplit(self.path)
        if not self._host_ok():
            return self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "unknown Host")
        if self._authorised({}) is not True:
            return self._refuse(HTTPStatus.UNAUTHORIZED, "a token is needed")
        if url.path != "/decide":
            return self._refuse(HTTPStatus.NOT_FOUND, "not found")
        if not self._same_origin():
            return self._refuse(HTTPStatus.FORBIDDEN, "refused: the request does not come from this server's pages")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if ctype != "application/x-www-form-urlencoded":
            return self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "form data expected")
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace"),
                                                keep_blank_values=True).items()}
        if not hmac.compare_digest((form.get("csrf") or "").encode(), self.server.csrf.encode()):
            return self._refuse(HTTPStatus.FORBIDDEN, "refused: missing or stale form token (reload the page)")
        did, decision = form.get("discrepancy") or "", form.get("decision") or ""
        by, note = (form.get("by") or "").strip()[:100], (form.get("note") or "").strip()[:2000] or None
        if decision not in DECISIONS:
            return self._refuse(HTTPStatus.BAD_REQUEST, "decision must be confirm, dismiss or reopen")
        if not by:
            return self._refuse(HTTPStatus.BAD_REQUEST, "say who decides (name)")
        store = self.server.store()
        if not store.known_discrepancy(did):
            return self._refuse(HTTPStatus.NOT_FOUND, "no such discrepancy in the database")
        store.decide(did, decision, note, by)
        back = form.get("back") or "/"
        if not back.startswith("/") or back.startswith("//") or "\\" in back or any(ord(ch) < 32 for ch in back):
            back = "/"
        return self._redirect(f"{back}#{did}")


def _night_name(name: str) -> bool:
    if name == "latest":
        return True
    try:
        date.fromisoformat(name)
        return True
    except ValueError:
        return False


def live_report(server: ReviewServer, night: str, path: str) -> str | None:
    """A night's report as the nightly job wrote it, with the decisions as they are now."""
    data = read_json(night_report_path(server.reports, night))
    if data is None:
        return None
    store = server.store()
    ids = {c["doc"] for d in data.get("discrepancies", []) for c in d.get("claims", [])}
    docs = store.documents_by_id(ids)
    latest = store.latest_decisions()
    status = {}
    for d in data.get("discrepancies", []):
        st = (data.get("status") or {}).get(d["id"], "new")
        dec = decision_on(d["id"], d.get("known_as", []), latest)
        if st == "dismissed" and (not dec or dec["decision"] != "dismiss"):
            st = "open"
        status[d["id"]] = {"status": st, "decision": dec}
    real_night = data.get("night") or night
    previous = previous_report(server.reports, store.previous_night(real_night) if real_night != "latest" else None)
    gone = [{"id": g, "about": d.get("about"), "about_ar": d.get("about_ar")}
            for g, d in sorted(store.discrepancy_data(data.get("gone") or []).items())]
    return render_report(documents_only(docs), data, previous=previous, status=status, gone=gone, night=real_night,
                         timezone_name=server.cfg.timezone, citation=server.cfg.citation,
                         serve={"csrf": server.csrf, "back": path, "by": server.cfg.author or ""})


def decided(store: Store) -> list[dict]:
    """Every discrepancy with a decision: the latest decision, what it is about, and its history."""
    latest = store.latest_decisions()
    data = store.discrepancy_data(latest)
    history: dict[str, list[dict]] = {}
    for d in store.decisions():
        history.setdefault(d["discrepancy"], []).append(d)
    out = []
    for did, dec in sorted(latest.items(), key=lambda x: x[1]["at"], reverse=True):
        d = data.get(did, {})
        out.append({"discrepancy": did, "decision": dec["decision"], "by": dec["by"], "at": dec["at"],
                    "note": dec["note"], "type": d.get("type"), "severity": d.get("severity"),
                    "tier": d.get("tier", "alarm") if d else None, "about": d.get("about"),
                    "about_ar": d.get("about_ar"),
                    "figures": [{"doc": c.get("doc"), "source": c.get("source"), "published": c.get("published"),
                                 "text": c.get("text"), "value": c.get("value")} for c in d.get("claims", [])],
                    "history": history.get(did, [])})
    return out


def export_json(store: Store) -> str:
    return render("json", decided(store))


CSV_COLUMNS = ["discrepancy", "decision", "by", "at", "note", "type", "severity", "about", "about_ar", "figures"]


def _cell(v) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def export_csv(store: Store) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for d in decided(store):
        figures = " | ".join(f"{f['source'] or f['doc']}: {f['text']}" for f in d["figures"])
        w.writerow([_cell(x) for x in (d["discrepancy"], d["decision"], d["by"], d["at"], d["note"], d["type"],
                                         d["severity"], d["about"], d["about_ar"], figures)])
    return buf.getvalue()
