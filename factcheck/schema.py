"""Data files checked against what they declare: every error names the file and the dotted key.

A schema is a table of keys to schemas ("*" stands for any key), a one-item list (each item
checked against it), a type or a tuple of types, or a Kind for what a type cannot say (one
letter).  The lexicon's files and reading/orthography.toml are checked by this one function.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


class SchemaError(Exception):
    """A data file holds what its schema does not declare, or lacks what it requires."""


@dataclass(frozen=True)
class Kind:
    """A kind of value a type cannot say, by its name in messages and its test."""
    name: str
    test: Callable[[object], bool]


LETTER = Kind("one letter", lambda v: isinstance(v, str) and len(v) == 1)
NONEMPTY_TEXT = Kind("text that is not empty", lambda v: isinstance(v, str) and v != "")


def type_name(t) -> str:
    if isinstance(t, Kind):
        return t.name
    if isinstance(t, tuple):
        return " or ".join(type_name(x) for x in t)
    return {str: "text in quotes", int: "a whole number", float: "a number", bool: "true or false"}.get(t, t.__name__)


def validate(data, schema, path, key: str = "", required: bool = False, error: type = SchemaError) -> None:
    """Raise `error` naming `path` and the (dotted) key of the first value `schema` does not
    allow; with `required`, also of the first key it declares that `data` lacks."""
    where = f"{path}: {key!r}" if key else str(path)
    if isinstance(schema, dict):
        if not isinstance(data, dict):
            raise error(f"{where} should be a table")
        for k, v in data.items():
            sub = schema.get(k, schema.get("*"))
            name = f"{key}.{k}" if key else str(k)
            if sub is None:
                allowed = ", ".join(x for x in schema if x != "*")
                raise error(f"{path}: unknown key {name!r}" + (f" (allowed here: {allowed})" if allowed else ""))
            validate(v, sub, path, name, required, error)
        if required:
            for k in schema:
                if k != "*" and k not in data:
                    name = f"{key}.{k}" if key else k
                    raise error(f"{path}: missing key {name!r}")
    elif isinstance(schema, list):
        if not isinstance(data, list):
            raise error(f"{where} should be a list")
        for i, item in enumerate(data):
            validate(item, schema[0], path, f"{key}[{i}]", required, error)
    elif isinstance(schema, Kind):
        if not schema.test(data):
            raise error(f"{where} should be {schema.name}, not {data!r}")
    elif isinstance(data, bool) and schema is not bool and bool not in (schema if isinstance(schema, tuple) else ()):
        raise error(f"{where} should be {type_name(schema)}, not {data!r}")
    elif not isinstance(data, schema):
        raise error(f"{where} should be {type_name(schema)}, not {data!r}")
