"""What a kb check reports: a Problem (check, subject, message), and the whole CheckResult."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    check: str
    subject: str
    message: str


@dataclass
class CheckResult:
    problems: list
    rules: int
    questions: int
    seeds_dir: str
    random_runs: int
    quotes_verified: bool = True  # False when the seed texts were not found

    @property
    def sound(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"sound": self.sound, "problems": [asdict(p) for p in self.problems],
                "rules": self.rules, "questions": self.questions,
                "seeds_dir": self.seeds_dir, "random_runs": self.random_runs,
                "quotes_verified": self.quotes_verified}
