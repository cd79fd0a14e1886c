"""Reading documents: .txt files, JSON lines (optionally gzipped) and JSON.

A document's text is what every offset refers to: the whole file for .txt
(its first line is the headline), and `title + "\\n" + text` for JSON records.
Bad input never stops a run: each problem becomes one warning naming the
file (and line), and reading goes on with the rest.
"""
from __future__ import annotations

import gzip
import json
import os
import zlib
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".json", ".json.gz", ".ndjson")
META_SUFFIX = ".meta.json"
MAX_DOC_CHARS = 2_000_000  # a news article is far smaller; larger input is a mistake


@dataclass
class Document:
    id: str
    text: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    title_end: int = 0          # the headline is text[:title_end]
    origin: str = ""            # file (and line) it came from

    @property
    def title(self) -> str:
        return self.text[:self.title_end]


@lru_cache(maxsize=1 << 16)
def published_datetime(published: str | None) -> datetime | None:
    """A `published` value as a datetime; None when absent or not ISO 8601.
    (Remembered: every pair of figures asks it of both reports.)"""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass
class Problem:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


Warn = Callable[[Problem], None]


@dataclass
class ReadStats:
    files: int = 0
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)


def input_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Problem]]:
    """The readable files under the given paths, sorted, and the paths that are not."""
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and _wanted(f))
            if not found:
                problems.append(Problem(str(path), "folder holds no .txt, .jsonl, .jsonl.gz or .json files"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return files, problems


def _wanted(f: Path) -> bool:
    name = f.name.lower()
    return name.endswith(SUFFIXES) and not name.endswith(META_SUFFIX) and not name.startswith(".")


def iter_documents(paths: Iterable[str | os.PathLike], source: str | None = None,
                   warn: Warn | None = None, stats: ReadStats | None = None) -> Iterator[Document]:
    """Every document under `paths`, in a stable order.  `source` names the
    outlet of .txt files that have no sidecar; JSON records carry their own."""
    stats = stats if stats is not None else ReadStats()

    def problem(p: Problem):
        stats.problems.append(p)
        if warn:
            warn(p)

    files, missing = input_files(paths)
    for p in missing:
        problem(p)
    seen: set[str] = set()
    for f in files:
        stats.files += 1
        name = f.name.lower()
        try:
            if name.endswith(".txt"):
                docs = _read_txt(f, source, problem)
            elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
                docs = _read_jsonl(f, problem)
            elif name.endswith((".json", ".json.gz")):
                docs = _read_json(f, problem)
            else:
                problem(Problem(str(f), "unknown file type (expected .txt, .jsonl, .jsonl.gz or .json); skipped"))
                continue
            for d in docs:
                if d.id in seen:
                    problem(Problem(d.origin, f"document id {d.id!r} already read; this copy skipped"))
                    continue
                seen.add(d.id)
                stats.documents += 1
                yield d
        except OSError as e:
            problem(Problem(str(f), f"cannot read: {e.strerror or e}"))


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) if letters else 0.0


def _looks_cp1256(raw: bytes) -> bool:
    """Bytes that are Windows-1256 Arabic, not UTF-8 with a stray byte: most of
    their non-ASCII bytes are invalid UTF-8, and as Windows-1256 they read as
    Arabic.  One bad byte among many good UTF-8 letters is a stray byte."""
    non_ascii = sum(1 for b in raw if b >= 0x80)
    bad = raw.decode("utf-8", errors="replace").count("\ufffd")
    if not non_ascii or bad * 4 < non_ascii:
        return False
    try:
        return _arabic_share(raw.decode("cp1256")) > 0.3
    except UnicodeDecodeError:
        return False


def _decode_line(raw: bytes) -> tuple[str | None, str]:
    """One line: (text, "utf-8" | "cp1256"), or (None, where the bad byte is)."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if _looks_cp1256(raw):
            return raw.decode("cp1256"), "cp1256"
        return None, f"byte 0x{raw[e.start]:02x} at column {e.start + 1}"


def _decode(raw: bytes, path: Path, problem) -> str | None:
    """A whole text file, decoded line by line: UTF-8 (a line with a stray byte is
    left out, named by its number, and the rest stays UTF-8), Windows-1256
    Arabic (with a warning) or UTF-16 with its byte-order mark."""
    if not raw.strip():
        problem(Problem(str(path), "empty file; skipped"))
        return None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem(Problem(str(path), "binary file (NUL bytes), not text; skipped"))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    out: list[str] = []
    bad: list[tuple[int, str]] = []
    cp1256 = 0
    for k, line in enumerate(lines, 1):
        text, how = _decode_line(line)
        if text is None:
            bad.append((k, how))
            text = ""
        elif how == "cp1256":
            cp1256 += 1
        out.append(text)
    if not any(t.strip() for t in out):
        k, where = bad[0]
        problem(Problem(str(path), f"not UTF-8 text (line {k}, {where}); skipped. "
                                   "Convert it with: iconv -f <encoding> -t utf-8"))
        return None
    if cp1256:
        problem(Problem(str(path), f"not UTF-8; {cp1256} line(s) read as Windows-1256 Arabic"))
    for k, where in bad:
        problem(Problem(str(path), f"not UTF-8 ({where}); this line left out", k))
    return "\n".join(out)


def _too_big(path: Path, size: int, problem, line: int | None = None) -> bool:
    if size > MAX_DOC_CHARS:
        problem(Problem(str(path), f"document too large ({size / 1e6:.1f} MB; the limit is "
                                   f"{MAX_DOC_CHARS / 1e6:.0f} MB a document); skipped", line))
        return True
    return False


def _meta(path: Path, problem) -> dict:
    side = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
        if isinstance(meta, dict):
            return meta
        problem(Problem(str(side), "sidecar is not a JSON object; ignored"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        problem(Problem(str(side), f"sidecar unreadable ({e}); ignored"))
    return {}


def _read_txt(path: Path, source: str | None, problem) -> Iterator[Document]:
    size = path.stat().st_size
    if _too_big(path, size, problem):
        return
    text = _decode(path.read_bytes(), path, problem)
    if text is None:
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problem(Problem(str(path), "no text (only white space); skipped"))
        return
    meta = _meta(path, problem)
    nl = text.find("\n")
    yield Document(id=str(meta.get("id") or path.stem), text=text,
                   source=meta.get("source") or source, published=meta.get("published"),
                   url=meta.get("url"), title_end=nl if nl >= 0 else len(text), origin=str(path))


def record_document(rec: dict, origin: str, fallback_id: str) -> tuple[Document | None, str | None]:
    """A document from one JSON record, or (None, why not)."""
    if not isinstance(rec, dict):
        return None, "not a JSON object"
    title = rec.get("title") or ""
    body = rec.get("text") or ""
    if not isinstance(title, str) or not isinstance(body, str):
        return None, "title/text are not strings"
    if not title.strip() and not body.strip():
        return None, "record has no text"
    text = f"{title}\n{body}" if title else body
    title = title.replace("\r", " ")
    doc_id = rec.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else fallback_id
    published = rec.get("published")
    return Document(id=doc_id, text=text, source=(str(rec["source"]) if rec.get("source") else None),
                    published=str(published) if published else None, url=rec.get("url"),
                    title_end=len(title) if title else 0, origin=origin), None


def _open_bytes(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _read_jsonl(path: Path, problem) -> Iterator[Document]:
    """One record a line, each line decoded on its own: a line that is not UTF-8
    is skipped and named by its number; Windows-1256 lines are read (one warning)."""
    if path.stat().st_size == 0:
        problem(Problem(str(path), "empty file; skipped"))
        return
    lineno = 0
    warned_cp1256 = False
    try:
        with _open_bytes(path) as fh:
            for raw in fh:
                lineno += 1
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                if len(raw) > MAX_DOC_CHARS * 4:
                    problem(Problem(str(path), f"line too long ({len(raw) / 1e6:.1f} MB); skipped", lineno))
                    continue
                if b"\x00" in raw:
                    problem(Problem(str(path), "binary data (NUL bytes) on this line; skipped", lineno))
                    continue
                line, how = _decode_line(raw)
                if line is None:
                    problem(Problem(str(path), f"not UTF-8 ({how}); line skipped", lineno))
                    continue
                if how == "cp1256" and not warned_cp1256:
                    warned_cp1256 = True
                    problem(Problem(str(path), "not UTF-8; read as Windows-1256 Arabic (this line and any "
                                               "other such line of the file)", lineno))
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    problem(Problem(str(path), f"malformed JSON ({e.msg} at column {e.colno}); line skipped", lineno))
                    continue
                doc, why = record_document(rec, f"{path}:{lineno}", f"{_stem(path)}-{lineno}")
                if doc is None:
                    problem(Problem(str(path), f"{why}; line skipped", lineno))
                    continue
                if _too_big(path, len(doc.text), problem, lineno):
                    continue
                yield doc
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        problem(Problem(str(path), f"compressed data is damaged after line {lineno} ({e}); rest of file skipped"))


def _read_json(path: Path, problem) -> Iterator[Document]:
    try:
        with _open_bytes(path) as fh:
            raw = fh.read()
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        problem(Problem(str(path), f"compressed data is damaged ({e}); skipped"))
        return
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if not _looks_cp1256(raw):
            problem(Problem(str(path), f"not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}); skipped. "
                                       "Convert it with: iconv -f <encoding> -t utf-8"))
            return
        problem(Problem(str(path), "not UTF-8; read as Windows-1256 Arabic"))
        text = raw.decode("cp1256")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.pos == 0 and not e.doc.strip():
            problem(Problem(str(path), "empty file; skipped"))
        else:
            problem(Problem(str(path), f"malformed JSON ({e.msg}, line {e.lineno} column {e.colno}); skipped"))
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    records = data if isinstance(data, list) else [data]
    for k, rec in enumerate(records, 1):
        doc, why = record_document(rec, f"{path}#{k}", f"{_stem(path)}-{k}")
        if doc is None:
            problem(Problem(str(path), f"record {k}: {why}; skipped"))
            continue
        if _too_big(path, len(doc.text), problem):
            continue
        yield doc


def _stem(path: Path) -> str:
    name = path.name
    for suf in SUFFIXES:
        if name.lower().endswith(suf):
            return name[: -len(suf)]
    return path.stem
