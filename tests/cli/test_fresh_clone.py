"""A clone with no ../shared beside it, as a user of the product has it (issue 12): kb check
passes and says plainly that the quotes were not verified."""
import expert.kb.checks


def test_kb_check_without_the_seed_texts_passes_and_says_quotes_were_not_verified(
        ccadvisor, tmp_path, monkeypatch):
    nowhere = tmp_path / "shared" / "seeds"
    monkeypatch.setattr(expert.kb.checks, "DEFAULT_SEEDS_DIR", nowhere)
    run = ccadvisor("kb", "check", "--runs", "3")
    assert run.code == 0, run.out
    text = " ".join(run.out.split())  # however the width wrapped it
    assert " questions, quotes NOT verified, 3 random answer sets." in text
    assert (f"Quotes were not verified: the seed texts were not found in {nowhere} "
            "(give --seeds DIR).") in text
    run = ccadvisor("kb", "check", "--runs", "3", "--format", "json")
    assert run.code == 0 and '"quotes_verified": false' in run.out
