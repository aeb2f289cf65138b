"""The icadb command: every command explains itself, with an example."""

from __future__ import annotations

import pytest

from icadb.cli import cli
from tests.helpers import run_icadb


def commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_a_summary_and_an_example(name):
    command = cli.commands[name]
    assert command.help and command.get_short_help_str(), f"icadb {name} needs a one-line summary"
    assert "Example:" in command.help, f"icadb {name} --help needs an 'Example:' block"


def test_dash_h_works():
    result = run_icadb("-h", check=True)
    assert "Usage: icadb" in result.stdout
    for name in commands():
        assert name in result.stdout


def test_subcommand_dash_h_works():
    result = run_icadb("build", "-h", check=True)
    assert "--db" in result.stdout and "Example:" in result.stdout
