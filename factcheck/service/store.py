"""The nightly job's memory: documents, claims, runs, discrepancies and the
editors' decisions, in one SQLite database.

Rules that keep it safe:
- a run's results are written in one transaction: a killed run leaves the
  database as it was before it (SQLite's journal guarantees it);
- decisions are an append-only log: nothing ever updates or deletes a row;
- a file that is not a healthy SQLite database is reported, never replaced;
- the schema is versioned (PRAGMA user_version) and migrated in place.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from ..figures.claims import Claim, claim_from_stored, stored_claim
from ..reading.documents import Document

# Each migration takes the schema from version i to i + 1.  Never edit one
# that has shipped: add a new one.
MIGRATIONS = [
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL, source TEXT, published TEXT, url TEXT,
        title_end INTEGER NOT NULL, text TEXT NOT NULL, origin TEXT, first_night TEXT NOT NULL,
        last_night TEXT NOT NULL);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE claims (id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), data TEXT NOT NULL);
    CREATE INDEX claims_doc ON claims(doc);
    CREATE TABLE runs (
        night TEXT PRIMARY KEY, documents_read INTEGER, documents_new INTEGER, claims INTEGER,
        discrepancies_new INTEGER, discrepancies_open INTEGER, discrepancies_gone INTEGER,
        high_new INTEGER, report TEXT);
    CREATE TABLE discrepancies (
        id TEXT PRIMARY KEY, first_night TEXT NOT NULL, last_night TEXT NOT NULL, type TEXT, severity TEXT,
        score REAL, data TEXT NOT NULL);
    CREATE TABLE sightings (night TEXT NOT NULL, discrepancy TEXT NOT NULL, PRIMARY KEY (night, discrepancy));
    CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, discrepancy TEXT NOT NULL, decision TEXT NOT NULL
            CHECK (decision IN ('confirm', 'dismiss', 'reopen')),
        note TEXT, by TEXT, at TEXT NOT NULL);
    CREATE INDEX decisions_discrepancy ON decisions(discrepancy);
    """,
    # 2: gone discrepancies are remembered per night, for the report
    """
    CREATE TABLE gone (night TEXT NOT NULL, discrepancy TEXT NOT NULL, PRIMARY KEY (night, discrepancy));
    """,
    # 3: a discrepancy stays new until a report that showed it has been written (the
    # night of that report); those of older databases were shown the night they were first seen
    """
    CREATE TABLE shown (discrepancy TEXT PRIMARY KEY, night TEXT NOT NULL);
    INSERT INTO shown (discrepancy, night) SELECT id, first_night FROM discrepancies;
    """,
    # 4: the extractor (code, lexicon, format) that read each document's claims; claims read
    # by another are stale and read again (documents of older databases: unknown, so stale)
    """
    ALTER TABLE documents ADD COLUMN extractor TEXT;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The database cannot be used; the message says why and how to recover."""


def _recovery(path: Path, why: str) -> str:
    return (f"database {path} cannot be used: {why}.\n"
            f"  It is left untouched: editors' decisions are in it.\n"
            f"  To recover: restore it from a backup, or copy what can still be read (decisions first,\n"
            f"  then the decisions backup beside it) into a new file with\n"
            f"    factcheck recover {path}\n"
            f"  which writes {path}.recovered and says what was lost; then point the config at the\n"
            f"  recovered file (or move it in place of the damaged one, keeping the damaged one aside).\n"
            f"  The decisions are also exported after every run to {decisions_backup(path)}\n"
            f"  (factcheck review --import).")


class MissingDatabase(StoreError):
    """The configured database is missing or empty and creating one was not asked for."""


def _missing(path: Path, empty: bool) -> str:
    what = "is empty (0 bytes)" if empty else "does not exist"
    return (f"database {path} {what}: not starting a new history over it.\n"
            f"  If this is the first run, run again with --init to create it.\n"
            f"  If it existed, restore it from a backup (or `factcheck recover`); the editors' decisions are\n"
            f"  also in {decisions_backup(path)} and its dated copies (factcheck review --import).")


def decisions_backup(db_path: str | Path) -> Path:
    """The decisions exported beside the database after every run."""
    return Path(db_path).with_suffix(".decisions.json")


class Store:
    def __init__(self, path: str | Path, timeout: float = 30.0, create: bool = False):
        """Open the database at `path`.  A missing or empty file is an error
        (MissingDatabase) unless `create`: a configured database that vanished
        must never silently become a new, empty history."""
        self.path = Path(path)
        existed = self.path.exists() and self.path.stat().st_size > 0
        if not existed and not create:
            raise MissingDatabase(_missing(self.path, self.path.exists()))
        self.created = not existed
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
            if existed:
                ok = self.db.execute("PRAGMA quick_check").fetchone()[0]
                if ok != "ok":
                    raise StoreError(_recovery(self.path, f"integrity check failed ({ok})"))
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as e:
            raise StoreError(_recovery(self.path, str(e))) from None
        self.migrate()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        v = self.version
        if v > SCHEMA_VERSION:
            raise StoreError(f"database {self.path} has schema version {v}, newer than this factcheck "
                             f"({SCHEMA_VERSION}): upgrade factcheck rather than downgrade the database")
        for i in range(v, SCHEMA_VERSION):
            with self.transaction():
                for stmt in MIGRATIONS[i].split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db.execute(f"PRAGMA user_version = {i + 1}")

    def transaction(self):
        return _Transaction(self.db)

    # -- documents and claims ---------------------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM documents"))

    def put_document(self, doc: Document, digest: str, night: str, claims: list[Claim],
                     extractor: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO documents (id, hash, source, published, url, title_end, text, origin, first_night, last_night)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET hash = excluded.hash,"
            " source = excluded.source, published = excluded.published, url = excluded.url,"
            " title_end = excluded.title_end, text = excluded.text, origin = excluded.origin,"
            " last_night = excluded.last_night",
            (doc.id, digest, doc.source, doc.published, doc.url, doc.title_end, doc.text, doc.origin, night, night))
        self.replace_claims(doc.id, claims, extractor)

    def replace_claims(self, doc_id: str, claims: list[Claim], extractor: str | None) -> None:
        """A document's claims, as read by `extractor` (a fingerprint)."""
        self.db.execute("DELETE FROM claims WHERE doc = ?", (doc_id,))
        self.db.executemany("INSERT INTO claims (id, doc, data) VALUES (?, ?, ?)",
                            [(c.id, doc_id, json.dumps(stored_claim(c), ensure_ascii=False)) for c in claims])
        self.db.execute("UPDATE documents SET extractor = ? WHERE id = ?", (extractor, doc_id))

    def stale(self, doc_ids: Iterable[str], extractor: str) -> set[str]:
        """Those of these documents whose claims another extractor read."""
        return {r[0] for r in self._where_in("SELECT id, extractor FROM documents WHERE id IN (%s)", doc_ids)
                if r[1] != extractor}

    def documents_between(self, low: str | None, high: str | None) -> list[Document]:
        """Stored documents published in [low, high] (ISO strings), and those with no date."""
        rows = self.db.execute(
            "SELECT id, text, source, published, url, title_end, origin FROM documents"
            " WHERE published IS NULL OR (? IS NULL OR published >= ?) AND (? IS NULL OR published <= ?)"
            " ORDER BY id", (low, low, high, high))
        return [Document(id=r[0], text=r[1], source=r[2], published=r[3], url=r[4], title_end=r[5], origin=r[6])
                for r in rows]

    def documents_by_id(self, ids: Iterable[str]) -> list[Document]:
        """Stored documents with these ids (for re-rendering a report with today's decisions)."""
        rows = self._where_in("SELECT id, text, source, published, url, title_end, origin FROM documents"
                              " WHERE id IN (%s)", ids)
        return [Document(id=r[0], text=r[1], source=r[2], published=r[3], url=r[4], title_end=r[5], origin=r[6])
                for r in rows]

    def published_on_night(self, night: str) -> list[str | None]:
        """Publication dates of the documents a night ingested (new or changed)."""
        return [r[0] for r in self.db.execute("SELECT published FROM documents WHERE last_night = ?", (night,))]

    def _where_in(self, query: str, ids: Iterable[str]):
        """Rows of `query` (with one %s for the IN list) over ids, 500 at a time
        (SQLite limits the number of parameters)."""
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            yield from self.db.execute(query % ",".join("?" * len(chunk)), chunk)

    def claims_of(self, doc_ids: Iterable[str]) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {}
        for doc, data in self._where_in("SELECT doc, data FROM claims WHERE doc IN (%s)", doc_ids):
            out.setdefault(doc, []).append(claim_from_stored(json.loads(data)))
        for v in out.values():
            v.sort(key=lambda c: (c.start, c.end))
        return out

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # -- discrepancies and runs -----------------------------------------------------------
    def previous_night(self, night: str) -> str | None:
        row = self.db.execute("SELECT MAX(night) FROM runs WHERE night < ?", (night,)).fetchone()
        return row[0] if row else None

    def latest_night(self) -> str | None:
        return self.db.execute("SELECT MAX(night) FROM runs").fetchone()[0]

    def seen_on(self, night: str | None) -> set[str]:
        if night is None:
            return set()
        return {r[0] for r in self.db.execute("SELECT discrepancy FROM sightings WHERE night = ?", (night,))}

    def first_nights(self, ids: Iterable[str]) -> dict[str, str]:
        return dict(self._where_in("SELECT id, first_night FROM discrepancies WHERE id IN (%s)", ids))

    def shown_nights(self, ids: Iterable[str]) -> dict[str, str]:
        """The night of the first written report that showed each discrepancy."""
        return dict(self._where_in("SELECT discrepancy, night FROM shown WHERE discrepancy IN (%s)", ids))

    def mark_shown(self, night: str, ids: Iterable[str]) -> None:
        """Tonight's report, which shows these discrepancies, has been written."""
        with self.transaction():
            self.db.executemany("INSERT INTO shown (discrepancy, night) VALUES (?, ?) ON CONFLICT(discrepancy)"
                                " DO UPDATE SET night = MIN(night, excluded.night)", [(i, night) for i in ids])

    def discrepancy_data(self, ids: Iterable[str]) -> dict[str, dict]:
        return {k: json.loads(v) for k, v in self._where_in("SELECT id, data FROM discrepancies WHERE id IN (%s)", ids)}

    def record_night(self, night: str, discrepancies: list[dict], gone: list[str], run: dict) -> None:
        self.db.execute("DELETE FROM sightings WHERE night = ?", (night,))
        self.db.execute("DELETE FROM gone WHERE night = ?", (night,))
        for d in discrepancies:
            self.db.execute(
                "INSERT INTO discrepancies (id, first_night, last_night, type, severity, score, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                " first_night = MIN(first_night, excluded.first_night),"
                " last_night = MAX(last_night, excluded.last_night), type = excluded.type,"
                " severity = excluded.severity, score = excluded.score, data = excluded.data",
                (d["id"], night, night, d["type"], d["severity"], d["score"], json.dumps(d, ensure_ascii=False)))
            self.db.execute("INSERT INTO sightings (night, discrepancy) VALUES (?, ?)", (night, d["id"]))
        self.db.executemany("INSERT INTO gone (night, discrepancy) VALUES (?, ?)", [(night, g) for g in gone])
        self.db.execute(
            "INSERT OR REPLACE INTO runs (night, documents_read, documents_new, claims, discrepancies_new,"
            " discrepancies_open, discrepancies_gone, high_new, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (night, run["documents_read"], run["documents_new"], run["claims"], run["new"], run["open"],
             run["gone"], run["high_new"], run["report"]))

    def runs(self) -> list[dict]:
        cols = ["night", "documents_read", "documents_new", "claims", "new", "open", "gone", "high_new", "report"]
        return [dict(zip(cols, r)) for r in self.db.execute(
            "SELECT night, documents_read, documents_new, claims, discrepancies_new, discrepancies_open,"
            " discrepancies_gone, high_new, report FROM runs ORDER BY night DESC")]

    # -- decisions ------------------------------------------------------------------------
    def decide(self, discrepancy: str, decision: str, note: str | None, by: str | None,
               at: str | None = None) -> dict:
        at = at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            self.db.execute("INSERT INTO decisions (discrepancy, decision, note, by, at) VALUES (?, ?, ?, ?, ?)",
                            (discrepancy, decision, note, by, at))
        return {"discrepancy": discrepancy, "decision": decision, "note": note, "by": by, "at": at}

    def decisions(self, discrepancy: str | None = None) -> list[dict]:
        q = "SELECT discrepancy, decision, note, by, at FROM decisions"
        args: tuple = ()
        if discrepancy:
            q += " WHERE discrepancy = ?"
            args = (discrepancy,)
        cols = ["discrepancy", "decision", "note", "by", "at"]
        return [dict(zip(cols, r)) for r in self.db.execute(q + " ORDER BY seq", args)]

    def latest_decisions(self) -> dict[str, dict]:
        out = {}
        for d in self.decisions():
            out[d["discrepancy"]] = d
        return out

    def import_decisions(self, items: list[dict]) -> int:
        have = {(d["discrepancy"], d["decision"], d["at"], d["by"]) for d in self.decisions()}
        added = 0
        with self.transaction():
            for d in sorted(items, key=lambda d: d["at"]):
                key = (d["discrepancy"], d["decision"], d["at"], d.get("by"))
                if key in have or d["decision"] not in ("confirm", "dismiss", "reopen"):
                    continue
                self.db.execute("INSERT INTO decisions (discrepancy, decision, note, by, at) VALUES (?, ?, ?, ?, ?)",
                                (d["discrepancy"], d["decision"], d.get("note"), d.get("by"), d["at"]))
                have.add(key)
                added += 1
        return added

    def known_discrepancy(self, discrepancy: str) -> bool:
        return self.db.execute("SELECT 1 FROM discrepancies WHERE id = ?", (discrepancy,)).fetchone() is not None


def decision_on(discrepancy: str, known_as: list[str], latest: dict[str, dict]) -> dict | None:
    """The latest decision on a discrepancy or on any card it now holds (`known_as` in
    discrepancies.json: a report that links two cards, or a card that repeats another, joins
    them under one id), so an editor's decision stays on the card it was made on."""
    found = [latest[k] for k in [discrepancy, *known_as] if k in latest]
    return max(found, key=lambda d: d["at"] or "") if found else None


def check_decisions(items) -> None:
    """Raise ValueError naming the first record that is not a decision."""
    if not isinstance(items, list):
        raise ValueError("expected a JSON list of decisions")
    for k, d in enumerate(items, 1):
        if not isinstance(d, dict):
            raise ValueError(f"record {k} is not an object")
        for key in ("discrepancy", "decision", "at"):
            if not isinstance(d.get(key), str) or not d[key]:
                raise ValueError(f"record {k} has no {key!r}" if key not in d else f"record {k}: {key!r} is not text")
        if d["decision"] not in ("confirm", "dismiss", "reopen"):
            raise ValueError(f"record {k}: decision {d['decision']!r} is not confirm, dismiss or reopen")
        for key in ("note", "by"):
            if d.get(key) is not None and not isinstance(d[key], str):
                raise ValueError(f"record {k}: {key!r} is not text")


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False
