"""Shared test helpers: run the real click command line in-process."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import cli


class Run:
    def __init__(self, result):
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        self.exception = result.exception

    def __repr__(self):
        return f"Run(code={self.code}, err={self.err!r})"


@pytest.fixture
def ccadvisor():
    """``ccadvisor("advise", "--example", "x")`` -> Run with code, out, err."""
    def run(*args, input=None, env=None):
        runner = CliRunner()  # click >= 8.2 keeps stdout and stderr apart
        return Run(runner.invoke(cli.main, list(args), input=input, env=env, catch_exceptions=True))
    return run
