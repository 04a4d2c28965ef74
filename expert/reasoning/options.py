"""What the advisor decides between (data/options.yaml): three stages, each with its options,
and the certainty factor for each strength of wording."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from expert import DATA_DIR
from expert.i18n import current
from expert.i18n.texts import table
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


def load_options() -> dict[str, Option]:
    """Every option of every stage, stage outcomes included, in file order, worded in the
    language of the output being produced (``data/<lang>/options.yaml``)."""
    return _options(current())


def load_stages() -> dict[str, Stage]:
    return _stages(current())


@lru_cache(maxsize=None)
def _options(lang: str) -> dict[str, Option]:
    words = table(str(OPTIONS_FILE), lang).get("options") or {}
    return {o["id"]: Option(**{**o, **(words.get(o["id"]) or {})}) for o in _load()["options"]}


@lru_cache(maxsize=None)
def _stages(lang: str) -> dict[str, Stage]:
    words = table(str(OPTIONS_FILE), lang).get("stages") or {}
    return {s["id"]: Stage(id=s["id"], opens=tuple(s.get("opens", {}).items()),
                           **{k: (words.get(s["id"]) or {}).get(k) or s[k]
                              for k in ("label", "question")})
            for s in _load()["stages"]}


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
