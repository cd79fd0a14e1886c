"""The lexicon files against their declared schema (factcheck.lexicon.SCHEMA)."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.lexicon import FILES, OTHER_FILES, SCHEMA, LexiconError, load, raw

PACKAGE = Path(factcheck.__file__).parent
# Declared because the built-in file holds it, but no code reads it yet: remove an entry
# here when code starts reading it (the test below then keeps it read).
KNOWN_UNREAD = {"events.*.alarm"}


def _keys(schema, prefix=""):
    """Every declared key, as a dotted path ("*" for any key)."""
    if isinstance(schema, dict):
        for k, v in schema.items():
            path = f"{prefix}.{k}" if prefix else k
            yield path
            yield from _keys(v, path)
    elif isinstance(schema, list):
        yield from _keys(schema[0], prefix)


def _source_without_schema() -> str:
    """The package's Python source, less the SCHEMA declaration itself."""
    parts = []
    for p in sorted(PACKAGE.rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        if p == PACKAGE / "lexicon" / "__init__.py":
            lines = text.splitlines()
            for node in ast.parse(text).body:
                targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
                if any(isinstance(t, ast.Name) and t.id in ("SCHEMA", "TEXT", "_BEFORE_AFTER") for t in targets):
                    for i in range(node.lineno - 1, node.end_lineno):
                        lines[i] = ""
            text = "\n".join(lines)
        parts.append(text)
    return "\n".join(parts)


def test_every_file_is_declared_and_the_built_in_files_hold_only_declared_keys():
    assert set(SCHEMA) == set(FILES) | set(OTHER_FILES)
    load(())
    for name in SCHEMA:
        raw(name, ())


def test_every_declared_key_is_read_by_the_code():
    source = _source_without_schema()
    unread = []
    for name, schema in SCHEMA.items():
        assert f'"{name}"' in source, f"no code reads {name}.toml"
        for path in _keys(schema):
            key = path.rsplit(".", 1)[-1]
            dotted = f"{name}.{path}"
            if key == "*" or dotted in KNOWN_UNREAD:
                continue
            if not re.search(rf'"{re.escape(key)}"', source):
                unread.append(dotted)
    assert not unread, f"declared in lexicon.SCHEMA but read by no code: {unread}"


def _overlay(tmp_path: Path, name: str, text: str) -> tuple[str, ...]:
    """An overlay folder holding one file."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return (str(folder),)


def test_a_misspelt_key_in_an_overlay_names_the_file_and_the_key(tmp_path):
    extra = _overlay(tmp_path, "qualifiers", '[approx]\nbefor = ["تقريبا"]\n')
    with pytest.raises(LexiconError) as e:
        load(extra)
    msg = str(e.value)
    assert str(tmp_path / "qualifiers" / "qualifiers.toml") in msg and "approx.befor" in msg and "before" in msg


def test_an_unknown_section_and_a_value_of_the_wrong_type_are_errors(tmp_path):
    extra = _overlay(tmp_path, "units", '[currencies]\nUSD = ["دولار"]\n')
    with pytest.raises(LexiconError, match=r"units\.toml: unknown key 'currencies'"):
        load(extra)
    extra = _overlay(tmp_path, "attribution", 'max_words = "four"\n')
    with pytest.raises(LexiconError, match=r"attribution\.toml: 'max_words' should be a whole number"):
        load(extra)


def test_files_read_outside_the_extractor_take_the_overlay_and_are_validated(tmp_path):
    extra = _overlay(tmp_path, "explanations", '[events]\nkilled = "قتلى (مراجع)"\n')
    texts = raw("explanations", extra)
    assert texts["events"]["killed"] == "قتلى (مراجع)" and "value_mismatch" in texts  # merged over the built-in
    extra = _overlay(tmp_path, "labels", '[tier.alarm]\nar = "إنذار"\nfr = "alerte"\n')
    with pytest.raises(LexiconError, match=r"labels\.toml: unknown key 'tier\.alarm\.fr'"):
        raw("labels", extra)


def test_the_command_line_reports_a_bad_overlay_in_one_line(tmp_path):
    # a real process: the lexicon is loaded once a process
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "events.toml").write_text('[killed]\ntrigers = ["صرع"]\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(PACKAGE.parent / "seeds")],
                       capture_output=True, text=True, env={**os.environ, "FACTCHECK_LEXICON": str(tmp_path / "lex")})
    assert r.returncode == 2, r.stderr
    assert "events.toml" in r.stderr and "killed.trigers" in r.stderr and "Traceback" not in r.stderr
