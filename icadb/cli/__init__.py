"""The ``icadb`` command: thin click commands over the library.

Heavy imports (SQLAlchemy, Alembic, Datasette, pandas) happen inside the
commands that need them, so ``icadb --help`` and ``icadb build`` start fast.
"""

from __future__ import annotations

import click

from icadb.cli.building import add_document, build, check, serve
from icadb.cli.curating import coverage, review
from icadb.cli.drafting import accept, draft, reject
from icadb.cli.options import CONTEXT
from icadb.cli.publishing import codebook, diff, export


def summary(command: click.Command) -> str:
    """A command's one-line summary: the first paragraph of its help, whole."""
    first = (command.help or "").strip().split("\n\n")[0]
    return " ".join(first.split())


def examples(command: click.Command) -> list[str]:
    """The example lines of a command's help (its "Example:" block), each with its
    continuation lines (a line ending in a backslash) joined to it."""
    lines = (command.help or "").splitlines()
    if not any(line.strip() == "Example:" for line in lines):
        return []
    block = lines[[line.strip() for line in lines].index("Example:") + 1:]
    found: list[str] = []
    for line in block:
        if not line.strip():
            break
        text = line.strip().replace("\\\\", "\\")
        if found and found[-1].endswith("\\"):
            found[-1] = found[-1][:-1].rstrip() + " " + text
        else:
            found.append(text)
    return found


class Commands(click.Group):
    """The icadb group: its --help lists the commands in the order of a day's
    work, each with its whole summary (click cuts them to fit a line), and then
    one example of each."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, summary(command)) for name, command in self.commands.items() if not command.hidden]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Examples (icadb COMMAND --help shows more)"):
            for command in self.commands.values():
                for line in examples(command)[:1]:
                    formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


@click.group(cls=Commands, context_settings=CONTEXT)
@click.version_option(package_name="icadb", message="icadb %(version)s")
def cli() -> None:
    """India–Central Asia security cooperation database.

    Builds an SQLite database of meetings, agreements, exercises, proposals,
    facilities and activities from the curated, evidence-backed seeds, and
    serves it with
    Datasette. Every command acts on the project of the current folder (the
    first folder from here up that holds seeds/ and pyproject.toml).
    """
    from icadb.loaders import errors
    from icadb.paths import find_project

    errors.display_base = find_project()  # problems read seeds/... from anywhere inside the project


for command in (build, check, add_document, serve, draft, review, accept, reject, coverage, export, diff, codebook):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="icadb")


if __name__ == "__main__":  # pragma: no cover
    main()
