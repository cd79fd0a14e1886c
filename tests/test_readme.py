"""The README's operator promises, checked against the files they describe."""
from __future__ import annotations

import re

from .conftest import ROOT


def test_the_readme_says_how_to_get_the_cpu_only_torch_before_the_project():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pinned = re.search(r"^torch==(\S+)$", (ROOT / "constraints.txt").read_text(), re.M).group(1)
    torch = readme.find(f"pip install torch=={pinned} --index-url https://download.pytorch.org/whl/cpu")
    project = readme.find("pip install -c constraints.txt -e .")
    assert torch >= 0, "README must say how to install the CPU-only torch"
    assert project > torch, "the CPU torch must come before the project install"
