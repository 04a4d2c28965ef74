"""What the advisor decides between (data/options.yaml): three stages, each with its options,
and the certainty factor for each strength of wording."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from expert import DATA_DIR
from expert.inputs.yamlload import load_yaml

OPTIONS_FILE = DATA_DIR / "options.yaml"


@dataclass(frozen=True)
class Option:
    id: str
    stage: str
    label: str
    summary: str
    final: bool = True       # False: a stage outcome (dedicated, centre), not a recommendation


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    question: str
    opens: tuple = ()        # ((outcome option, next stage id), ...)

    def next_after(self, option: str) -> str | None:
        return dict(self.opens).get(option)


@lru_cache(maxsize=1)
def _load() -> dict:
    return load_yaml(OPTIONS_FILE)


@lru_cache(maxsize=1)
def load_options() -> dict[str, Option]:
    """Every option of every stage, stage outcomes included, in file order."""
    return {o["id"]: Option(**o) for o in _load()["options"]}


@lru_cache(maxsize=1)
def load_stages() -> dict[str, Stage]:
    return {s["id"]: Stage(id=s["id"], label=s["label"], question=s["question"],
                           opens=tuple(s.get("opens", {}).items())) for s in _load()["stages"]}


def option_ids() -> tuple[str, ...]:
    """The final options (what a recommendation can be), in report order."""
    return tuple(o.id for o in load_options().values() if o.final)


def stage_of(option: str) -> str:
    return load_options()[option].stage


def stage_options(stage: str) -> tuple[str, ...]:
    return tuple(o.id for o in load_options().values() if o.stage == stage)


@lru_cache(maxsize=1)
def certainty_factors() -> dict[int, float]:
    return {int(w): float(cf) for w, cf in _load()["certainty"].items()}
