"""Outputs checked before the work starts, and written whole or not at all."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


class NotWritable(OSError):
    pass


def check_writable_dir(path: str | os.PathLike, what: str = "folder", create: bool = True) -> None:
    """Create `path` if need be and write (then remove) a file in it: a folder that
    cannot take our output fails now, in a second, not after the work is done."""
    p = Path(path)
    try:
        if create:
            p.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".factcheck-probe-", suffix=".tmp", dir=p)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise NotWritable(f"{what} {p} is not writable ({e.strerror or e}); nothing was done") from None


def check_writable_file(path: str | os.PathLike, what: str = "output") -> None:
    p = Path(path)
    if p.is_dir():
        raise NotWritable(f"{what} {p} is a folder, not a file; nothing was done")
    check_writable_dir(p.parent if str(p.parent) else ".", what=f"{what} folder", create=False)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[str]:
    """A temporary path beside `path` to write to; renamed over `path` when the block
    ends normally, removed when it fails: a reader never sees half a file, and a
    run that dies half-way leaves the previous file as it was."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix="." + p.name + ".", suffix=".tmp", dir=p.parent if str(p.parent) else ".")
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # on disk before the rename, so a crash cannot leave an empty file
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """`data` (text is written as UTF-8) to `path`, whole or not at all (see atomic_output);
    the folder is created if need be."""
    p = Path(path)
    if str(p.parent):
        p.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(p) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
