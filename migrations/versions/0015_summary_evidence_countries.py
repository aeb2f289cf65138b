"""summary_evidence_countries: each evidence quote's countries, keyed by country

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26

evidence_trail has no country column: one country's quotes are those of the
records it takes part in. Asked through record_countries, either a rare
country scans all the evidence (EXISTS per quote, 4.3 s at 10,000x the seeds)
or a frequent one collects and sorts all its quotes (IN, 0.5 s). This table,
filled at the end of every build (and here from the data already in the
database), holds (country, quote) pairs in a WITHOUT ROWID primary key, so
one country's quotes come in evidence order from the key: about 10 ms at any
size and for any country. The SQL is frozen here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVIDENCE_COUNTRIES_ROWS = """
-- evidence_countries (computed at the end of every build into
-- summary_evidence_countries): one row per evidence quote and country taking
-- part in, or discussed in, the record the quote backs (any role).
select distinct
    rc.iso3,
    ev.evidence_id
from evidence as ev
inner join record_countries as rc on rc.record_id = ev.record_id
"""


def upgrade() -> None:
    op.create_table(
        "summary_evidence_countries",
        sa.Column("iso3", sa.Text(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence.evidence_id"],
                                name=op.f("fk_summary_evidence_countries_evidence_id_evidence")),
        sa.ForeignKeyConstraint(["iso3"], ["countries.iso3"], name=op.f("fk_summary_evidence_countries_iso3_countries")),
        sa.PrimaryKeyConstraint("iso3", "evidence_id", name=op.f("pk_summary_evidence_countries")),
        sqlite_with_rowid=False,
    )
    op.execute(pgsql.sql(f"INSERT INTO summary_evidence_countries SELECT * FROM ({EVIDENCE_COUNTRIES_ROWS}) AS q ORDER BY 1, 2"))


def downgrade() -> None:
    op.drop_table("summary_evidence_countries")
