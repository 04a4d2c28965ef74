"""What the advisor decides between (data/options.yaml): the stages, each with its options (what
an option needs: an own centre to build, findings it requires), and the named strengths of
wording with their weight, tier and certainty factor."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from expert import DATA_DIR
from expert.i18n import current
from expert.i18n.texts import table
from expert.inputs.yamlload import load_yaml

OPTIONS_FILE = DATA_DIR / "options.yaml"
BUILDING = "building"  # what a veto may forbid besides an option: building an own centre
OWN_CENTRE_RUNS = "own_centre_runs"  # the finding that the client runs an own centre today


@dataclass(frozen=True)
class Requirement:
    """What an option needs to exist for a client (a finding), with the seed that defines it."""
    finding: str
    seed: str
    quote: str
    gloss: str


@dataclass(frozen=True)
class Option:
    id: str
    stage: str
    label: str
    summary: str
    final: bool = True       # False: a stage outcome (dedicated), not a recommendation
    builds: bool = False     # needs an own centre, to be built unless the client runs one
    requires: tuple = ()     # (Requirement, ...): findings without which the option is not one


@dataclass(frozen=True)
class Strength:
    """A named strength of a seed's wording: its weight in the ranking, the tier it counts in
    (1 categorical, 2 recommendation or argued, 3 hint), and its certainty factor."""
    name: str
    weight: int
    tier: int
    cf: float


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
    return {o["id"]: Option(**{**o, **(words.get(o["id"]) or {}),
                               "requires": tuple(Requirement(**r) for r in o.get("requires", ()))})
            for o in _load()["options"]}


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
def strengths() -> dict[str, Strength]:
    """The named strengths, strongest first."""
    return {name: Strength(name=name, **fields) for name, fields in _load()["strengths"].items()}


@lru_cache(maxsize=1)
def certainty_factors() -> dict[int, float]:
    """weight -> certainty factor (the named strengths that share a weight share a factor)."""
    return {s.weight: s.cf for s in strengths().values()}


@lru_cache(maxsize=1)
def tiers() -> dict[int, int]:
    """weight -> the tier it counts in (1 the strongest)."""
    return {s.weight: s.tier for s in strengths().values()}


ASSUMED_TIER = 4  # evidence resting on assumed rates: below every answer of the client's


@lru_cache(maxsize=1)
def caps() -> dict[int, float]:
    """tier -> the most the evidence of that tier and the weaker ones combines to."""
    return {int(tier): float(cap) for tier, cap in _load()["caps"].items()}


def builders() -> tuple[str, ...]:
    """The options that need an own centre (built, unless the client runs one)."""
    return tuple(o.id for o in load_options().values() if o.builds)


def forbidden_by(target: str) -> tuple[str, ...]:
    """The options a veto on ``target`` can rule out: that option, or, for a veto on building an
    own centre, every option that would need one built (decision.vetoes_of spares a centre the
    client runs)."""
    return builders() if target == BUILDING else (target,)
