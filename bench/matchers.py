"""Side by side in one process: experta's Rete matcher, the compiled matcher, and plain Python.

Each engine advises on the same generated profiles (validated once, beforehand); the time is
CPU time on one core for ``advise()`` alone (figures included, report not). Every profile is
checked to fire the same rules, in the same order, on the same facts, to the same decision,
under both matchers; plain.py is checked on the decision and the set of rules that fire. With
clipspy installed (``pip install .[bench]``), bench/on_clips.py runs the same rules in CLIPS.
"""
from __future__ import annotations

import time

TARGET_PER_PROFILE_MS = 0.75  # issue 16: the CLIPS-via-clipspy figure


def _firings(result) -> list:
    return [(f.rule, f.matched_ids, f.added_ids) for f in result.firings]


def _timed(run, answer_sets) -> tuple[float, list]:
    started = time.process_time()
    results = [run(answers) for answers in answer_sets]
    return (time.process_time() - started) / len(answer_sets) * 1000, results


def side_by_side(profiles: list[dict]) -> None:
    from on_clips import clips_runner
    from plain import plain_advise

    from expert.errors import InputError
    from expert.inputs.catalog import load_catalog
    from expert.reasoning.advisor import advise
    from expert.reasoning.engine import build_engine

    catalog = load_catalog()
    answer_sets = []
    for row in profiles:
        try:
            answer_sets.append(catalog.validate(
                {k: v for k, v in row.items() if k != "client" and v != ""}))
        except InputError:
            pass  # the rows broken on purpose
    print(f"\n## Matchers side by side: {len(answer_sets):,} profiles, one process, CPU time")
    times, results = {}, {}
    for name in ("rete", "compiled"):
        engine = build_engine(matcher=name)
        advise(answer_sets[0], engine=engine)  # warm: the network or the index is built once
        times[name], results[name] = _timed(lambda a, e=engine: advise(a, engine=e), answer_sets)
    times["plain"], results["plain"] = _timed(plain_advise, answer_sets)
    labels = {"rete": "experta's Rete matcher", "compiled": "compiled matcher",
              "plain": "bench/plain.py"}
    clips = clips_runner()
    if clips is not None:
        clips(answer_sets[0])  # warm
        times["clips"], results["clips"] = _timed(clips, answer_sets)
        labels["clips"] = "CLIPS via clipspy"
    for name, label in labels.items():
        print(f"{label:24s} {times[name]:6.2f} ms/profile  {1000 / times[name]:7,.0f} profiles/s"
              f"  x{times[name] / times['plain']:.1f} plain")
    print(f"compiled vs Rete: x{times['rete'] / times['compiled']:.2f} faster   (target <= "
          f"{TARGET_PER_PROFILE_MS} ms/profile: "
          f"{'met' if times['compiled'] <= TARGET_PER_PROFILE_MS else 'NOT met'})")
    same = sum(_firings(r) == _firings(c) and r.decision == c.decision
               for r, c in zip(results["rete"], results["compiled"]))
    plain_same = sum(c.decision == d and {f.rule for f in c.firings} == fired
                     for c, (d, fired) in zip(results["compiled"], results["plain"]))
    print(f"same firings, in order, and decision under both matchers: {same:,} of "
          f"{len(answer_sets):,}; plain.py agrees on {plain_same:,}")
    if clips is None:
        print("clipspy not installed (pip install .[bench]): CLIPS skipped")
    else:
        clips_same = sum(c == p for c, p in zip(results["clips"], results["plain"]))
        print(f"CLIPS agrees with plain.py (decision, rules fired) on {clips_same:,} of "
              f"{len(answer_sets):,}")
