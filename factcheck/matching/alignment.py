"""Alignment as a score: how likely two disagreeing figures are one quantity
misreported, rather than two quantities.

A logistic model over the pair features (`pairfeatures`), its weights kept in
a readable data file (`model/alignment.toml`) that `factcheck fit` rewrites
from labelled pairs.  Two thresholds make two tiers: alarms (confident) and
pairs "to review".
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .pairfeatures import FEATURES

MODEL_PATH = Path(__file__).parent.parent / "model" / "alignment.toml"


class ModelError(Exception):
    """The weights file cannot be used; the message names the file and key."""


@dataclass
class AlignmentModel:
    weights: dict[str, float]
    intercept: float
    alarm: float                  # probability at or above which a pair is an alarm
    review: float                 # ... and at or above which it is shown "to review"
    meta: dict = field(default_factory=dict)

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        w = np.array([self.weights.get(f, 0.0) for f in FEATURES])
        z = X @ w + self.intercept if len(X) else np.zeros(0)
        return 1.0 / (1.0 + np.exp(-z))

    def tier(self, p: float) -> str | None:
        return "alarm" if p >= self.alarm else "review" if p >= self.review else None


def read_model(path: Path) -> AlignmentModel:
    import tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"{path}: {e}") from e
    for key in ("intercept", "weights", "thresholds"):
        if key not in data:
            raise ModelError(f"{path}: missing [{key}]")
    unknown = set(data["weights"]) - set(FEATURES)
    if unknown:
        raise ModelError(f"{path}: unknown feature(s) in [weights]: {', '.join(sorted(unknown))}")
    th = data["thresholds"]
    for key in ("alarm", "review"):
        if not isinstance(th.get(key), (int, float)):
            raise ModelError(f"{path}: [thresholds] {key} must be a number")
    return AlignmentModel({k: float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                          float(th["alarm"]), float(th["review"]), data.get("fit", {}))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> AlignmentModel:
    return read_model(Path(path) if path else MODEL_PATH)


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(round(float(v), 6)) if isinstance(v, float) and math.isfinite(v) else repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def model_toml(m: AlignmentModel) -> str:
    lines = ["# Alignment weights, written by `factcheck fit` (do not edit by hand unless you mean it).",
             "# p(same quantity, misreported) = 1 / (1 + exp(-(intercept + sum(weight * feature))))",
             "# Features are described in factcheck/pairfeatures.py.", "",
             f"intercept = {_toml_value(m.intercept)}", "", "[thresholds]",
             f"alarm = {_toml_value(m.alarm)}", f"review = {_toml_value(m.review)}", "", "[weights]"]
    lines += [f"{f} = {_toml_value(m.weights.get(f, 0.0))}" for f in FEATURES]
    if m.meta:
        lines += ["", "[fit]"] + [f"{k} = {_toml_value(v)}" for k, v in sorted(m.meta.items())]
    return "\n".join(lines) + "\n"
