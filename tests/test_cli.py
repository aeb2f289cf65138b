"""The icadb command: every command explains itself, with an example."""

from __future__ import annotations

import pytest

from icadb.cli import cli, examples, summary
from tests.helpers import run_icadb


def commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_a_summary_and_an_example(name):
    command = cli.commands[name]
    assert command.help and command.get_short_help_str(), f"icadb {name} needs a one-line summary"
    assert "Example:" in command.help, f"icadb {name} --help needs an 'Example:' block"


@pytest.mark.parametrize("name", commands())
def test_every_command_has_an_example_of_itself(name):
    found = examples(cli.commands[name])
    assert found, f"icadb {name}: its help needs an 'Example:' block of command lines"
    assert f"icadb {name}" in found[0], f"icadb {name}: its first example (the one --help shows) runs another command"


def test_the_top_level_help_gives_every_summary_whole_and_an_example_of_every_command():
    """click cuts a command's summary to fit one line ("Add an article to
    seeds/documents/ and rebuild, so it..."); here each is whole, then one example of each."""
    text = run_icadb("--help", check=True).stdout
    commands_part, examples_part = text.split("\nCommands:\n")[1].split("\nExamples")
    flat = " ".join(commands_part.split())
    for name, command in cli.commands.items():
        assert f"{name} {summary(command)}" in flat, f"icadb {name}: summary cut or missing in --help"
        assert "..." not in summary(command)
        assert any(line.strip().startswith("icadb " + name) or f"&& icadb {name}" in line
                   for line in examples_part.splitlines()), f"no example of icadb {name} in --help"


def test_dash_h_works():
    result = run_icadb("-h", check=True)
    assert "Usage: icadb" in result.stdout
    for name in commands():
        assert name in result.stdout


def test_subcommand_dash_h_works():
    result = run_icadb("build", "-h", check=True)
    assert "--db" in result.stdout and "Example:" in result.stdout
