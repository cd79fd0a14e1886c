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
from factcheck.reading.arabic import normalise
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
            # read by its name, or (a list loaded from its declaration) as the lexicon's attribute
            if not re.search(rf'"{re.escape(key)}"|\.{re.escape(key)}\b', source):
                unread.append(dotted)
    assert not unread, f"declared in lexicon.SCHEMA but read by no code: {unread}"


def _overlay(tmp_path: Path, name: str, text: str, folder: str | None = None) -> tuple[str, ...]:
    """An overlay folder (named `folder`, else after the file) holding one file."""
    folder = tmp_path / (folder or name)
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


def test_a_unit_converts_only_into_a_unit_of_its_own_kind(tmp_path):
    extra = _overlay(tmp_path, "units", '[convert]\nmile = { to = "kg", by = 1.6 }\n')
    with pytest.raises(LexiconError, match=r"units\.toml: \[convert\] mile"):
        load(extra)
    extra = _overlay(tmp_path, "units", '[convert]\nmile = { to = "km", by = "1.6" }\n', folder="units2")
    with pytest.raises(LexiconError, match=r"convert\.mile\.by"):
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


# Arabic letters (not digits or punctuation such as ، ؛ ٫).
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")


def _word_lists(path: Path):
    """(line, the Arabic strings) of each list, tuple, set, dict or call's arguments in a module
    holding two or more strings with Arabic letters, one of them longer than a letter (a letter
    map is not a list of words).  The orthography the lexicon is read through (clitic prefixes,
    the skeleton's letters) is data too: reading/orthography.toml."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            groups = [node.elts]
        elif isinstance(node, ast.Dict):
            groups = [[k for k in node.keys if k is not None], node.values]
        elif isinstance(node, ast.Call):
            groups = [node.args]
        else:
            continue
        for group in groups:
            arabic = [n.value for n in group if isinstance(n, ast.Constant) and isinstance(n.value, str)
                      and _ARABIC_LETTER.search(n.value)]
            if len(arabic) >= 2 and any(len(_ARABIC_LETTER.findall(s)) >= 2 for s in arabic):
                yield node.lineno, arabic


def test_no_module_holds_a_list_of_arabic_words():
    """Word lists live in the lexicon (lexicon/words.toml and its siblings), not in the code."""
    found = [f"{p.relative_to(PACKAGE.parent)}:{line}: {words[:4]}"
             for p in sorted(PACKAGE.rglob("*.py")) for line, words in _word_lists(p)]
    assert not found, "Arabic word lists in the code (move them to the lexicon):\n" + "\n".join(found)


def test_the_word_list_check_finds_a_list(tmp_path):
    p = tmp_path / "m.py"
    p.write_text('"""A docstring: في، من."""\nX = frozenset({"في", "من"})\nY = f("،", "؛")\nZ = {"غ": "ج"}\n',
                 encoding="utf-8")
    assert [line for line, _ in _word_lists(p)] == [2]


def test_an_overlay_reaches_the_word_lists(tmp_path):
    extra = _overlay(tmp_path, "words", '[claims]\nplace_words = ["ناحية"]\n')
    built_in = load(()).words["claims"]["place_words"]
    assert load(extra).words["claims"]["place_words"] == built_in | {normalise("ناحية")}
    (tmp_path / "misspelt").mkdir()
    misspelt = _overlay(tmp_path / "misspelt", "words", '[claims]\nplace_word = ["ناحية"]\n')
    with pytest.raises(LexiconError, match=r"words\.toml: unknown key 'claims.place_word'"):
        load(misspelt)


def test_the_orthography_is_data_checked_against_its_declaration(tmp_path):
    from factcheck.reading import arabic
    from factcheck.reading.arabic import ORTHOGRAPHY_FILE, OrthographyError, read_orthography
    data = read_orthography()
    assert arabic.CLITIC_PREFIXES == tuple(data["clitics"]["prefixes"])
    assert arabic._NUMBER_PREFIXES == tuple(data["clitics"]["number_prefixes"])
    text = ORTHOGRAPHY_FILE.read_text(encoding="utf-8")
    misspelt = tmp_path / "orthography.toml"
    misspelt.write_text(text.replace("number_prefixes =", "number_prefixs ="), encoding="utf-8")
    with pytest.raises(OrthographyError, match=re.escape(f"{misspelt}: unknown key 'clitics.number_prefixs'")):
        read_orthography(misspelt)
    missing = tmp_path / "missing.toml"
    missing.write_text(text.replace("[skeleton]", "[skeletons]"), encoding="utf-8")
    with pytest.raises(OrthographyError, match=re.escape(f"{missing}: unknown key 'skeletons'")):
        read_orthography(missing)
    missing.write_text(text.replace("drop =", "# drop ="), encoding="utf-8")
    with pytest.raises(OrthographyError, match=re.escape(f"{missing}: missing key 'skeleton.drop'")):
        read_orthography(missing)
    # what a type cannot say is checked too: no empty prefix, one letter for one letter
    for bad, key in ((text.replace('prefixes = ["', 'prefixes = ["", "', 1), "clitics.prefixes[0]"),
                     (text.replace('"غ" = "ج"', '"غ" = "جج"'), "skeleton.map.غ"),
                     (text.replace('"غ" = "ج"', '"غغ" = "ج"'), "skeleton.map.غغ")):
        missing.write_text(bad, encoding="utf-8")
        with pytest.raises(OrthographyError, match=re.escape(f"{missing}: {key!r}")):
            read_orthography(missing)


def test_a_word_saying_what_a_year_dates_names_one_event(tmp_path):
    extra = _overlay(tmp_path, "frames", '[dated_events]\nfounded = ["تأسس"]\nbegan = ["بدأ", "تأسس"]\n')
    with pytest.raises(LexiconError, match=r"frames\.toml: \[dated_events\] 'تأسس' is listed under both"):
        load(extra)
    extra = _overlay(tmp_path, "frames", '[dated_events]\ncrowned = ["تربع"]\n', folder="frames2")
    assert load(extra).dated_events["تربع"] == "crowned"


def test_the_country_an_entity_belongs_to_is_an_entity_of_type_country(tmp_path):
    extra = _overlay(tmp_path, "entities", '[homs]\ntype = "place"\ncountry = "syrie"\nnames = ["حمص"]\n')
    with pytest.raises(LexiconError, match=r"entities\.toml: \[homs\] country = 'syrie' names no entity of type country"):
        load(extra)
    extra = _overlay(tmp_path, "entities", '[homs]\ntype = "place"\ncountry = "aleppo"\nnames = ["حمص"]\n', folder="e2")
    with pytest.raises(LexiconError, match=r"\[homs\] country = 'aleppo'"):
        load(extra)
    extra = _overlay(tmp_path, "entities", '[homs]\ntype = "place"\ncountry = "syria"\nnames = ["حمص"]\n', folder="e3")
    assert load(extra).entity_country["homs"] == "syria"
