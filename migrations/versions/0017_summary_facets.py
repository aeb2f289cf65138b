"""summary_facets: the counts of every configured facet over all rows, for Datasette's unfiltered pages

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26

Datasette computes each facet of a table page with a GROUP BY over the rows
the page shows. On an unfiltered page that is every row: at 10,000x the seeds
the records page ran nine of them (about 30 ms each) and the timeline's
countries array facet could not finish within its 500 ms limit at all, so it
was never shown. The build now stores, for every facet the codebook
configures, the counts Datasette's own facet SQL gives over all rows
(loaders/facet_counts.py), and icadb's Datasette plugin reads them for pages
without filters. Filtered pages still count live. `value` has no type
affinity (BLOB), so numbers stay numbers and text stays text.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "summary_facets",
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("facet_type", sa.Text(), nullable=False),
        sa.Column("facet", sa.Text(), nullable=False),
        sa.Column("value", pgsql.any_type(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("facet_type IN ('column', 'array')", name=op.f("ck_summary_facets_facet_type")),
        sa.PrimaryKeyConstraint("table_name", "facet_type", "facet", "value", name=op.f("pk_summary_facets")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_summary_facets_page", "summary_facets", ["table_name", "facet_type", "facet", "count", "value"],
                    unique=False)
    # Filled by the next build (a migrated database has no counts; the plugin then counts live).


def downgrade() -> None:
    op.drop_index("ix_summary_facets_page", table_name="summary_facets")
    op.drop_table("summary_facets")
