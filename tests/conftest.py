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
