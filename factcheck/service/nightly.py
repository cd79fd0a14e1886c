"""The nightly job: ingest what is new, compare it with what was seen, report.

One run = one night (YYYY-MM-DD).  It takes an exclusive lock, reads the
inputs, extracts claims only from documents it has not seen with the same
content, and analyses the documents published within a few days of
tonight's, so a story that spans days is compared across them.  Everything
it learns is committed in one transaction; the reports are then written to
temporary files and renamed.  Re-running a night gives the same database
content and the same report.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import logging.handlers
import os
import signal
import sqlite3
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..check import CheckResult, analyse, result_json
from ..figures.claims import extractor_fingerprint, extractor
from ..reading.documents import Document, iter_documents, published_datetime
from ..safeio import check_writable_dir
from .store import Store, StoreError, decision_on, decisions_backup
from ..publishing.writers import read_json, write

EXIT_OK, EXIT_NO_INPUT, EXIT_ALERT, EXIT_FAILED, EXIT_LOCKED = 0, 1, 3, 4, 5
EXIT_USAGE, EXIT_INTERRUPTED = 2, 130
log = logging.getLogger("factcheck.nightly")


@dataclass
class Config:
    inputs: list[str] = field(default_factory=list)
    database: str = "factcheck.db"
    reports: str = "reports"
    log: str | None = None
    wait: float = 0.0            # seconds to wait for another run's lock
    source: str | None = None    # outlet of .txt inputs without a sidecar
    window_days: float = 3.0     # stored documents this close to tonight's are compared with them
    night: str | None = None     # YYYY-MM-DD; default today
    timezone: str = "UTC"        # the newsroom's time zone: every time in the reports is shown in it
    citation: str | None = None  # shown in the reports' footer (known corpora are cited without it)
    backups: int = 14            # dated copies of the decisions backup to keep
    init: bool = False           # create the database if it is missing (first run only)
    verbose: bool = False        # log to stderr too (default: errors only)


class ConfigError(Exception):
    pass


_NUMBERS = ("wait", "window_days")
_TEXTS = ("database", "reports", "log", "source", "night")


def _check_type(path: str, key: str, value) -> None:
    """A config value of the wrong type is a config error naming it, not a traceback later."""
    def bad(expected: str):
        raise ConfigError(f"config {path}: {key} = {value!r} should be {expected}")
    if key == "inputs":
        if not (isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value))):
            bad('a path or a list of paths, e.g. inputs = ["incoming/"]')
    elif key in _NUMBERS:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            bad(f"a number of {'seconds' if key == 'wait' else 'days'} (without quotes), e.g. {key} = 30")
    elif key == "backups":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            bad("a whole number of copies (1 or more), e.g. backups = 14")
    elif key == "verbose":
        if not isinstance(value, bool):
            bad("true or false")
    elif key in _TEXTS and not isinstance(value, str):
        bad("text in quotes")


def load_config(path: str | None, **overrides) -> Config:
    """The [nightly] table of a TOML file, then command-line overrides.  Relative
    paths in the file are relative to the file."""
    cfg = Config()
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8")).get("nightly", {})
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"config {path}: {e}") from None
        base = p.parent
        for key, value in data.items():
            if not hasattr(cfg, key) or key == "init":
                hint = " (--init is a command-line option, for the first run only)" if key == "init" else ""
                raise ConfigError(f"config {path}: unknown setting {key!r} in [nightly]{hint}")
            _check_type(path, key, value)
            if key in ("inputs",):
                value = [str(base / v) for v in ([value] if isinstance(value, str) else value)]
            elif key in ("database", "reports", "log") and value:
                value = str(base / value)
            setattr(cfg, key, value)
    for key, value in overrides.items():
        if value not in (None, (), []):
            setattr(cfg, key, list(value) if key == "inputs" else value)
    if not cfg.inputs:
        raise ConfigError("no inputs: give --input PATH or `inputs = [...]` in the config's [nightly] table")
    try:
        from zoneinfo import ZoneInfo
        ZoneInfo(cfg.timezone)
    except (ValueError, KeyError, OSError):
        raise ConfigError(f"timezone {cfg.timezone!r} is not a time zone name (e.g. UTC, Asia/Dubai)") from None
    if cfg.night:
        try:
            date.fromisoformat(cfg.night)
        except ValueError:
            raise ConfigError(f"night {cfg.night!r} is not a date (YYYY-MM-DD)") from None
    return cfg


LOG_MAX_BYTES = 1_000_000   # a night writes a few lines: a year or more a file
LOG_KEEP = 5                # nightly.log.1 .. .5


def setup_logging(log_file: str | None, verbose: bool = False) -> None:
    """Everything to the log file (rotated at LOG_MAX_BYTES, LOG_KEEP old files
    kept); on stderr only errors, unless verbose: cron mails whatever a job
    prints, so a good night prints nothing."""
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z")
    root = logging.getLogger("factcheck")
    root.setLevel(logging.INFO)
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    err = logging.StreamHandler()
    err.setFormatter(fmt)
    err.setLevel(logging.INFO if verbose else logging.ERROR)
    root.addHandler(err)
    if log_file:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_KEEP,
                                                  encoding="utf-8")
        fh.setFormatter(fmt)
        root.addHandler(fh)


class _Tally(logging.Handler):
    """Warnings counted and errors kept, for the night's summary."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.warnings = 0
        self.errors: list[str] = []

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        else:
            self.warnings += 1


def _crash_point(name: str) -> None:
    """The moments that matter to a kill: "locked" (lock taken), "ingest" (mid-
    transaction), "analyse" (before commit), "committed" (between commit and
    report), "report" (between two report files), "reported".

    For tests: FACTCHECK_CRASH_AT=name kills the process here;
    FACTCHECK_MARKER=file appends the name to that file at each point, and with
    FACTCHECK_PAUSE_AT=name the run then waits (up to a minute) until the
    file is deleted, so a test can kill it (or press Ctrl-C) exactly there
    instead of guessing with sleeps."""
    if os.environ.get("FACTCHECK_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
    marker = os.environ.get("FACTCHECK_MARKER")
    if not marker:
        return
    with open(marker, "a", encoding="utf-8") as fh:
        fh.write(name + "\n")
    if os.environ.get("FACTCHECK_PAUSE_AT") == name:
        deadline = time.monotonic() + 60
        while os.path.exists(marker) and time.monotonic() < deadline:
            time.sleep(0.02)


class Locked(Exception):
    pass


class EarlierNight(Exception):
    """--date names a night before the latest run."""


class RunLock:
    """An exclusive lock beside the database: one nightly run at a time."""

    def __init__(self, db_path: str, wait: float):
        self.path = Path(str(db_path) + ".lock")
        self.wait = wait
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.fh.seek(0)
                    holder = self.fh.read().strip() or "?"
                    self.fh.close()
                    raise Locked(f"another factcheck nightly run holds {self.path} (pid {holder}); "
                                 f"not starting. Use --wait SECONDS to wait for it.") from None
                time.sleep(0.2)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()
        return False


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    for part in (doc.text, doc.source or "", doc.published or "", doc.url or "", str(doc.title_end)):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _window(published: list[str | None], days: float) -> tuple[str | None, str | None]:
    """The publication dates to load: the night itself and tonight's documents'
    dates, widened by the story window (documents with no date always count)."""
    times = [t for t in map(published_datetime, published) if t]
    if not times:
        return None, None
    # compare as strings on the stored ISO form: widen by a day for time zones
    low = (min(times) - timedelta(days=days + 1)).date().isoformat()
    high = (max(times) + timedelta(days=days + 1)).date().isoformat() + "T99"
    return low, high


@dataclass
class NightResult:
    night: str
    exit_code: int
    summary: dict
    alerts: list = field(default_factory=list)   # the new high-severity discrepancies


def run_nightly(cfg: Config) -> NightResult:
    t0 = time.perf_counter()
    night = cfg.night or date.today().isoformat()
    check_outputs(cfg, night)
    with RunLock(cfg.database, cfg.wait):
        _crash_point("locked")
        store = Store(cfg.database, create=cfg.init)
        try:
            if store.created:
                _init_from_backup(store, Path(cfg.database))
            latest = store.latest_night()
            if latest and night < latest:
                raise EarlierNight(
                    f"night {night} is before the latest run ({latest}): re-running an earlier night would take in "
                    f"later articles and move first-seen dates back, so nothing was done. Runs only go forward; "
                    f"that night's report is in {Path(cfg.reports) / night}/ (if it ran).")
            return _run(cfg, store, night, t0)
        finally:
            store.close()


def check_outputs(cfg: Config, night: str) -> None:
    """Every folder the run writes to takes a file now, before any work: an
    unwritable output fails in a second with the database untouched, not
    after the night's work has been committed."""
    reports = Path(cfg.reports)
    check_writable_dir(Path(cfg.database).parent, "database folder")
    check_writable_dir(reports, "reports folder")
    for sub in (reports / night, reports / "latest"):
        if sub.exists():  # (created when the report is written)
            check_writable_dir(sub, "reports folder")


def _remove_stale_temporaries(reports: Path) -> None:
    """A run killed while writing a report leaves its temporary file: remove it."""
    if reports.exists():
        for p in reports.rglob(".*.tmp"):
            p.unlink(missing_ok=True)


def _run(cfg: Config, store: Store, night: str, t0: float) -> NightResult:
    ex = extractor()
    reader = extractor_fingerprint()
    _remove_stale_temporaries(Path(cfg.reports))
    known = store.document_hashes()
    read, fresh = 0, []
    for doc in iter_documents(cfg.inputs, source=cfg.source, warn=lambda p: log.warning("%s", p)):
        read += 1
        digest = content_hash(doc)
        if known.get(doc.id) != digest:
            fresh.append((doc, digest))
    log.info("night %s: read %d documents, %d new or changed", night, read, len(fresh))
    extracted = []
    step = max(1, len(fresh) // 10)
    for k, (doc, digest) in enumerate(fresh, 1):
        extracted.append((doc, digest, ex.extract(doc)))
        if k % step == 0 or k == len(fresh):
            log.info("extracting: %d/%d documents", k, len(fresh))

    with store.transaction():
        for k, (doc, digest, claims) in enumerate(extracted):
            store.put_document(doc, digest, night, claims, reader)
            if k == len(extracted) // 2:
                _crash_point("ingest")
        ingested = store.published_on_night(night)  # tonight's new or changed documents, this run or an earlier one
        low, high = _window(ingested + [night + "T12:00:00+00:00"], cfg.window_days)
        docs = store.documents_between(low, high)
        stale = store.stale((d.id for d in docs), reader)
        if stale:  # read by an earlier version of the code or lexicon: their figures are read again
            log.info("reading again %d stored documents whose figures another version of the extractor or "
                     "lexicon read", len(stale))
            for d in docs:
                if d.id in stale:
                    store.replace_claims(d.id, ex.extract(d), reader)
        claims = store.claims_of(d.id for d in docs)
        log.info("analysing %d stored documents published %s .. %s", len(docs), low or "-", (high or "-")[:10])
        result = analyse(docs, claims)
        data = result_json(result)
        _crash_point("analyse")
        found = {d["id"]: d for d in data["discrepancies"]}
        previous_night = store.previous_night(night)
        status, gone = night_status(night, found, shown=store.shown_nights(found),
                                    missing=store.discrepancy_data(store.seen_on(previous_night) - set(found)),
                                    window_docs={d.id for d in docs}, decisions=store.latest_decisions())
        new = [i for i, s in status.items() if s["status"] == "new"]
        run = {"documents_read": read, "documents_new": len(ingested), "claims": data["claims"], "new": len(new),
               "open": sum(1 for s in status.values() if s["status"] == "open"), "gone": len(gone),
               "high_new": sum(1 for i in new if found[i]["severity"] == "high"),
               "report": f"{night}/report.html"}
        store.record_night(night, data["discrepancies"], gone, run)
    _crash_point("committed")

    log.info("committed; writing the reports")
    write_night_reports(cfg, store, night, result, data, status, gone, previous_night)
    _crash_point("reported")
    store.mark_shown(night, found)
    backup_ok = export_decisions(store, Path(cfg.database), night, cfg.backups)
    seconds = time.perf_counter() - t0
    run["seconds"] = round(seconds, 2)
    log.info("night %s done: %d documents read, %d new tonight, %d claims, discrepancies %d new / %d open / "
             "%d gone (%d new high), %.1fs", night, read, run["documents_new"], data["claims"], run["new"], run["open"], run["gone"],
             run["high_new"], seconds)
    code = EXIT_ALERT if run["high_new"] else EXIT_OK
    alerts = [{"id": i, "about": found[i].get("about"), "about_ar": found[i].get("about_ar")}
              for i in new if found[i]["severity"] == "high"]
    return NightResult(night, code if backup_ok else EXIT_FAILED, run, alerts)


def night_status(night: str, found: dict[str, dict], shown: dict[str, str], missing: dict[str, dict],
                 window_docs: set[str], decisions: dict[str, dict]) -> tuple[dict[str, dict], list[str]]:
    """Each of tonight's discrepancies (`found`, by id) as new, open or dismissed, with its
    latest decision; and the ids of those gone.

    A discrepancy is new until a written report has shown it (`shown`: the night of the
    first such report), then open; dismissed when its latest decision dismisses it.
    Of those seen the night before and not tonight (`missing`, with their data), a
    discrepancy is gone when all its documents are still in tonight's window (else it
    only left the window)."""
    status = {}
    for i in found:
        s = "new" if shown.get(i, night) >= night else "open"
        dec = decision_on(i, found[i].get("known_as", []), decisions)
        if dec and dec["decision"] == "dismiss":
            s = "dismissed"
        status[i] = {"status": s, "decision": dec}
    gone = sorted(i for i, d in missing.items() if all(c["doc"] in window_docs for c in d["claims"]))
    return status, gone


def night_report_path(reports: str | Path, night: str) -> Path:
    return Path(reports) / night / "discrepancies.json"


def previous_report(reports: str | Path, night: str | None) -> dict | None:
    """The discrepancies.json a night's report was written with (None: no such night, or
    its report is missing or unreadable)."""
    return read_json(night_report_path(reports, night)) if night else None


def write_night_reports(cfg: Config, store: Store, night: str, result: CheckResult, data: dict, status: dict,
                        gone: list[str], previous_night: str | None) -> None:
    from ..publishing.report import render_index, render_report
    out = Path(cfg.reports)
    day = out / night
    previous = previous_report(out, previous_night)
    gone_items = [{"id": g, "about": d.get("about"), "about_ar": d.get("about_ar")}
                  for g, d in sorted(store.discrepancy_data(gone).items())]
    payload = dict(data, night=night, status={k: v["status"] for k, v in status.items()}, gone=gone)
    html = render_report(result, data, previous=previous, status=status, gone=gone_items, night=night,
                         timezone_name=cfg.timezone, citation=cfg.citation)
    write("json", payload, night_report_path(out, night))
    _crash_point("report")
    write("html", html, day / "report.html")
    write("json", payload, night_report_path(out, "latest"))
    write("html", html, out / "latest" / "report.html")
    write("html", render_index(store.runs()), out / "index.html")


def _decision_key(d: dict) -> tuple:
    return (d.get("discrepancy"), d.get("decision"), d.get("at"), d.get("by"))


def read_decisions(path: Path) -> list[dict] | None:
    """The decisions in a backup file; None when it cannot be read as one."""
    items = read_json(path)
    if not isinstance(items, list) or not all(isinstance(d, dict) for d in items):
        return None
    return items


def _init_from_backup(store: Store, db_path: Path) -> None:
    """--init: a new database takes in the decisions of the backup beside it, if any."""
    path = decisions_backup(db_path)
    items = read_decisions(path) if path.exists() else None
    if items:
        try:
            added = store.import_decisions(items)
        except (KeyError, TypeError) as e:
            log.warning("decisions backup %s not imported (%s)", path, e)
            return
        if added:
            log.warning("--init: %d decisions imported from the backup %s", added, path)


def write_decisions(decisions: list[dict], path: str | Path) -> None:
    """Decisions (Store.decisions()) as the JSON file `factcheck review --import` reads."""
    write("json", decisions, path)


def export_decisions(store: Store, db_path: Path, night: str | None = None, keep: int = 14) -> bool:
    """Every decision, as JSON beside the database (a second copy editors can
    re-import), and a dated copy a night, the last `keep` kept.  A backup is
    never overwritten by a list that lacks any decision it holds: then it is
    left as it is, the error says how to import it, and False is returned."""
    path = decisions_backup(db_path)
    current = store.decisions()
    have = {_decision_key(d) for d in current}
    ok = True
    targets = [path]
    if night:
        targets.append(path.with_name(f"{path.stem}.{night}.json"))
    for target in targets:
        if target.exists():
            old = read_decisions(target)
            if old is None:
                aside = target.with_name(target.name + ".unreadable")
                os.replace(target, aside)
                log.warning("decisions backup %s could not be read; kept as %s", target, aside)
            else:
                lost = [d for d in old if _decision_key(d) not in have]
                if lost:
                    log.error("the database %s lacks %d of the %d decisions in %s: the backup is kept as it is. "
                              "Put them back with: factcheck review --import %s --db %s", db_path, len(lost),
                              len(old), target, target, db_path)
                    ok = False
                    continue
        write_decisions(current, target)
    if ok and night:
        dated = sorted(path.parent.glob(f"{path.stem}.[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].json"))
        for old in dated[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
    return ok


MEANING = {EXIT_OK: "ran; no new high-severity discrepancy", EXIT_NO_INPUT: "no document could be read",
           EXIT_USAGE: "refused (usage)", EXIT_ALERT: "NEW HIGH-SEVERITY DISCREPANCIES: alert someone",
           EXIT_FAILED: "FAILED: see the errors below and the log", EXIT_LOCKED: "another run holds the lock",
           EXIT_INTERRUPTED: "interrupted"}


def night_summary(cfg: Config, night: str, code: int, result: NightResult | None, tally: _Tally,
                  log_file: str | None) -> str:
    """The few lines a person needs, for the mail cron sends (not the whole log)."""
    lines = [f"factcheck nightly {night}: exit {code}, {MEANING.get(code, '')}"]
    if result is not None:
        r = result.summary
        lines.append(f"documents: {r['documents_read']} read, {r['documents_new']} new or changed tonight; "
                     f"{r['claims']} figures")
        lines.append(f"discrepancies: {r['new']} new ({r['high_new']} high) / {r['open']} open / {r['gone']} gone")
        for a in result.alerts:
            lines.append(f"  high  {a['id']}  {a.get('about') or ''}")
        lines.append(f"report: {Path(cfg.reports) / night / 'report.html'}")
    for e in tally.errors:
        lines.append(f"error: {e}")
    if tally.warnings:
        lines.append(f"{tally.warnings} warning(s) about the inputs or the backups: see {log_file or 'the log'}")
    return "\n".join(lines)


def nightly_main(cfg: Config) -> int:
    """The cron job: the exit code says whether a person is needed (1, 3, 4); then
    (and with --verbose) the night's summary is printed on stdout.  A good night
    prints nothing anywhere but the log."""
    log_file = cfg.log or str(Path(cfg.reports) / "nightly.log")
    tally = _Tally()
    try:
        setup_logging(log_file, cfg.verbose)
        logging.getLogger("factcheck").addHandler(tally)
    except OSError as e:
        # no log file: stderr is the only record, so everything goes there, and the
        # night ends with exit 4 (a person must fix it) even when it went well
        setup_logging(None, verbose=True)
        logging.getLogger("factcheck").addHandler(tally)
        log.error("cannot open the log file %s (%s); logging everything to stderr instead", log_file,
                  e.strerror or e)
        log_file = None
    night = cfg.night or date.today().isoformat()
    result = None
    try:
        code = _main(cfg)
        result, code = code if isinstance(code, tuple) else (None, code)
        if log_file is None and code == EXIT_OK:
            code = EXIT_FAILED
    finally:
        logging.getLogger("factcheck").removeHandler(tally)
    if code in (EXIT_NO_INPUT, EXIT_ALERT, EXIT_FAILED) or cfg.verbose:
        try:
            print(night_summary(cfg, night, code, result, tally, log_file), flush=True)
        except BrokenPipeError:
            pass
    return code


# A run that fails: its exit code and what the log says, the first kind that matches.
_FAILURES = (
    (Locked, EXIT_LOCKED, "{e}"),
    (EarlierNight, EXIT_USAGE, "{e}"),
    (StoreError, EXIT_FAILED, "{e}"),
    (OSError, EXIT_FAILED, "run failed: {e}"),
    (sqlite3.Error, EXIT_FAILED, "run failed: database {db}: {e} (nothing of tonight's run was kept)"),
    (KeyboardInterrupt, EXIT_INTERRUPTED,
     "interrupted (Ctrl-C or SIGINT): tonight's run was not committed unless the log says it was; run it again"),
)


def _main(cfg: Config):
    try:
        result = run_nightly(cfg)
    except tuple(kind for kind, _, _ in _FAILURES) as e:
        code, message = next((c, m) for kind, c, m in _FAILURES if isinstance(e, kind))
        log.error("%s", message.format(e=e, db=cfg.database))
        return code
    if result.summary["documents_read"] == 0:
        log.error("no document could be read from %s", ", ".join(cfg.inputs))
        return result, EXIT_NO_INPUT
    return result, result.exit_code
