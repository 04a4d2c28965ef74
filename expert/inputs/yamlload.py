"""YAML loading through libyaml when PyYAML was built with it (its wheels are).

The pure-Python SafeLoader took a third of a cold ``ccadvisor advise`` (about 0.3 s for the
question catalog, advice and assumptions); the C parser with the same safe constructor builds the
same objects in a tenth of that. Falls back to the pure-Python loader where libyaml is absent.
"""
from __future__ import annotations

from pathlib import Path

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: str | Path):
    """Parse one of the package's own data files."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506 - safe
