"""ccadvisor kb: work on the knowledge base itself. ``kb check`` verifies the rule base."""
import click

from commands.common import WholeNumber, format_option


@click.group()
def kb():
    """Verify the rule base (see 'ccadvisor kb check --help')."""


@kb.command()
@format_option("text", "json")
@click.option("--seeds", "seeds_dir", metavar="DIR",
              help="Directory of the seed articles [default: ../shared/seeds from the repo root].")
@click.option("--runs", type=WholeNumber(1, 100000), default=300, show_default=True,
              help="How many seeded random answer sets to run the engine on.")
@click.option("--random-seed", type=WholeNumber(), default=None, metavar="N",
              help="Seed of the random answer sets (the default gives the same sets every time).")
@click.pass_context
def check(ctx, fmt, seeds_dir, runs, random_seed):
    """Check the rule base: every rule fires, every question is used, every quote is in its
    seed, ids are unique, no contradictory evidence, and the engine always ends.

    Exit code 0 when sound, 1 with one line per problem otherwise. Without the seed texts (a
    clone with no ../shared beside it) the quotes are not verified, and the output says so."""

    from expert.errors import InputError
    from expert.i18n import gettext as _
    from expert.inputs.files import directory_problem
    from expert.inputs.kinds import SEEDS
    from expert.kb.checks import RANDOM_SEED, check_rule_base
    from expert.report.render import render

    if seeds_dir is not None and not seeds_dir.strip():  # '' would quietly mean the default
        raise InputError(_("the path is empty: give a directory"), where="--seeds")
    problem = directory_problem(seeds_dir, SEEDS) if seeds_dir else ""
    if problem:
        raise InputError(problem, where="--seeds")
    result = check_rule_base(seeds_dir=seeds_dir, runs=runs,
                             seed=RANDOM_SEED if random_seed is None else random_seed)
    click.echo(render("kb_check", fmt, result.as_dict()), nl=False)
    ctx.exit(0 if result.sound else 1)
