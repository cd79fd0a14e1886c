"""Shared fixtures: the seed articles and their gold reading."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "data" / "seeds_gold.yaml"  # copy of shared/gold/seeds.yaml
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-multisource-2018.jsonl.gz"


@pytest.fixture(scope="session")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts(gold) -> dict[str, str]:
    return {k: (SEEDS / name).read_text(encoding="utf-8") for k, name in gold["documents"].items()}


@pytest.fixture(scope="session")
def seed_ids(gold) -> dict[str, str]:
    return {k: Path(name).stem for k, name in gold["documents"].items()}


def span(text: str, quote: str) -> tuple[int, int]:
    i = text.find(quote)
    assert i >= 0, f"quote not in document: {quote}"
    return i, i + len(quote)


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


class CliResult:
    """What a run of the command line gave: returncode, stdout, stderr (as subprocess.run's)."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_in_process(*args, env: dict | None = None, cwd=None) -> CliResult:
    """`factcheck ARGS` run in this process with click's CliRunner (no interpreter start-up):
    for every test that does not need a real process (a kill, a lock held by another run,
    a closed pipe, the lexicon of an overlay, which a process loads once)."""
    import contextlib
    import logging

    from click.testing import CliRunner

    from factcheck.cli import main
    with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
        r = CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=True)
    root = logging.getLogger("factcheck")  # the nightly job's handlers wrote to the runner's streams
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    stderr = r.stderr
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback
        stderr += "".join(traceback.format_exception(r.exception))
    return CliResult(r.exit_code, r.stdout, stderr)
