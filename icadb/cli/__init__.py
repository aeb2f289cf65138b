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


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="icadb", message="icadb %(version)s")
def cli() -> None:
    """India–Central Asia security cooperation database.

    Builds an SQLite database of meetings, agreements, exercises and
    proposals from the curated, evidence-backed seeds, and serves it with
    Datasette.

    \b
    Example:
        icadb build && icadb serve
    """


for command in (build, check, add_document, serve, draft, review, accept, reject, coverage, export, diff, codebook):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="icadb")


if __name__ == "__main__":  # pragma: no cover
    main()
