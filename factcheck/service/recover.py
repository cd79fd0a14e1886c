"""`factcheck recover`: copy what can still be read from a damaged database into
a new file, the editors' decisions first.

It needs nothing but Python's sqlite3 (the sqlite3 shell's `.recover` is missing
from some distributions' builds).  The damaged file is never written: it is
copied to a temporary folder and read there.  Each table is read in rowid
order; a damaged stretch is skipped by probing further and further ahead, so
the rows after it are still copied.  The decisions exported beside the
database (and their dated copies) are merged in last, so a decision that was
only in the backup comes back too.  What was lost is said, table by table.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .store import Store, StoreError, decisions_backup

# decisions first: they are the one thing no run can compute again
ORDER = ["decisions", "runs", "discrepancies", "shown", "sightings", "gone", "documents", "claims"]
MAX_PROBES = 200


class RecoverError(Exception):
    pass


@dataclass
class TableReport:
    copied: int = 0
    damaged: int = 0          # damaged stretches skipped
    missing: bool = False     # the table itself could not be found or read


@dataclass
class Recovery:
    out: Path
    tables: dict[str, TableReport] = field(default_factory=dict)
    schema_readable: bool = True
    from_backup: int = 0      # decisions only the backup files held

    def lines(self) -> list[str]:
        out = []
        if not self.schema_readable:
            out.append("the database's schema could not be read: no table could be copied from it")
        for name, t in self.tables.items():
            if t.missing:
                out.append(f"{name}: not readable")
            else:
                out.append(f"{name}: {t.copied} rows copied"
                           + (f", {t.damaged} damaged stretch(es) skipped: rows there are lost" if t.damaged else ""))
        out.append(f"decisions only in the backup files, added: {self.from_backup}")
        out.append("the next nightly run reads every document of its inputs again (claims are recomputed)")
        return out


def _rows(con: sqlite3.Connection, table: str, cols: list[str], report: TableReport):
    """The readable rows of `table`, in rowid order, skipping damaged stretches."""
    select = ", ".join(f'"{c}"' for c in cols)
    q = f'SELECT rowid, {select} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    start = -(2 ** 63)
    probes = 0
    while True:
        try:
            for row in con.execute(q, (start,)):
                start = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            report.damaged += 1
        # probe ahead, further each time, for the next row that can be read
        step = 1
        resumed = False
        while probes < MAX_PROBES:
            probes += 1
            probe = start + step
            if probe >= 2 ** 62:
                break
            try:
                row = con.execute(f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1',
                                  (probe,)).fetchone()
            except sqlite3.DatabaseError:
                step *= 2
                continue
            if row is None:
                return
            start = row[0] - 1
            resumed = True
            break
        if not resumed:
            return


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def recover(src: str | Path, out: str | Path | None = None) -> Recovery:
    src = Path(src)
    out = Path(out) if out else src.with_name(src.name + ".recovered")
    if not src.exists() and not decisions_backup(src).exists():
        raise RecoverError(f"neither {src} nor its decisions backup {decisions_backup(src)} exists")
    if out.exists():
        raise RecoverError(f"{out} already exists: give another output file (-o), recovery never overwrites")
    partial = out.with_name("." + out.name + ".partial")
    partial.unlink(missing_ok=True)
    rec = Recovery(out)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "damaged.db"
        con = None
        if src.exists():
            shutil.copyfile(src, copy)
            for suffix in ("-wal",):
                side = Path(str(src) + suffix)
                if side.exists():
                    shutil.copyfile(side, Path(str(copy) + suffix))
            try:
                con = sqlite3.connect(copy)
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            except sqlite3.DatabaseError:
                tables = set()
                rec.schema_readable = False
        else:
            tables = set()
            rec.schema_readable = False
        try:
            store = Store(partial, create=True)
        except (StoreError, OSError) as e:
            raise RecoverError(f"cannot create {partial}: {e}") from None
        try:
            db = store.db
            db.execute("PRAGMA foreign_keys = OFF")
            documents: set[str] = set()
            for table in ORDER:
                t = rec.tables.setdefault(table, TableReport())
                if con is None or table not in tables:
                    t.missing = True
                    continue
                try:
                    cols = [c for c in _columns(con, table) if c in set(_columns(db, table))]
                except sqlite3.DatabaseError:
                    cols = []
                if not cols:
                    t.missing = True
                    continue
                insert = (f'INSERT OR IGNORE INTO "{table}" ({", ".join(cols)}) '
                          f'VALUES ({", ".join("?" * len(cols))})')
                with store.transaction():
                    for row in _rows(con, table, cols, t):
                        if table == "claims" and "doc" in cols and row[cols.index("doc")] not in documents:
                            continue  # its document was lost: the next run extracts it again
                        if db.execute(insert, row).rowcount:
                            t.copied += 1
                            if table == "documents":
                                documents.add(row[cols.index("id")])
            with store.transaction():
                # a document's claims may be among the rows lost: the next run extracts every
                # document still in its inputs again (claims are recomputed, nothing else changes)
                db.execute("UPDATE documents SET hash = 'recovered'")
            if rec.tables["shown"].missing:
                # as the migration does: what was seen before was shown
                with store.transaction():
                    db.execute("INSERT OR IGNORE INTO shown (discrepancy, night) SELECT id, first_night FROM discrepancies")
            backups = [decisions_backup(src)] + sorted(
                decisions_backup(src).parent.glob(f"{decisions_backup(src).stem}.*.json"))
            from .nightly import read_decisions
            for b in backups:
                items = read_decisions(b) if b.exists() else None
                if items:
                    try:
                        rec.from_backup += store.import_decisions(items)
                    except (KeyError, TypeError):
                        pass
            db.execute("PRAGMA foreign_keys = ON")
            ok = db.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise RecoverError(f"the recovered copy failed its integrity check ({ok})")
        finally:
            store.close()
            if con is not None:
                con.close()
    os.replace(partial, out)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    return rec
