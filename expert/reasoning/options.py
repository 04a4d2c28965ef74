"""The five options (data/options.yaml). Their order is the tie-break order."""
from __future__ import annotations

from expert import DATA_DIR
from dataclasses import dataclass
from functools import lru_cache

from expert.inputs.yamlload import load_yaml

OPTIONS_FILE = DATA_DIR / "options.yaml"


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    summary: str


@lru_cache(maxsize=1)
def load_options() -> dict[str, Option]:
    raw = load_yaml(OPTIONS_FILE)
    return {o["id"]: Option(**o) for o in raw}


def option_ids() -> tuple[str, ...]:
    return tuple(load_options())
