"""timeline: computed once per build into summary_timeline

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26

The timeline view computed each record's countries array, evidence count and
first report with correlated subqueries. Cheap for one page, but Datasette
also counts the view and facets it, and its array facet on countries reads
every column of every row: 0.13 s a page at 100x the seeds, over 2 s at
10,000x. The rows are now computed at the end of every build (and here from
the data already in the database) into summary_timeline, indexed on the
columns the view is faceted and sorted on; the view reads that table. Same
columns, same rows. The SQL is frozen here; the downgrade restores 0003's view.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMELINE_ROWS = """
-- timeline (computed at the end of every build into summary_timeline, which the
-- view timeline reads): one row per record (meeting, agreement, exercise,
-- proposal, facility, activity), with its date at its precision, the ISO3 codes
-- of every country involved (a JSON array, sorted, for Datasette's
-- _facet_array), how many evidence quotes back it and when it was first
-- reported.
select
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.date_latest,
    rec.year,
    rec.month,
    rec.status,
    rec.category,
    (
        select json_group_array(involved.iso3)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id
    ) as sources,
    (
        select doc.published_on
        from evidence as ev
        inner join documents as doc on doc.document_id = ev.document_id
        where ev.record_id = rec.record_id
        order by doc.published_earliest, doc.document_id
        limit 1
    ) as first_reported,
    rec.summary,
    ser.name as series,
    rec.edition,
    pla.name as place,
    pla.country_iso3 as place_country,
    pla.latitude,
    pla.longitude,
    rec.review_status
from records as rec
left join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
"""

TIMELINE = """
-- timeline: one row per record (meeting, agreement, exercise, proposal,
-- facility, activity), with its date at its precision, the ISO3 codes of every
-- country involved (a JSON array, sorted, for Datasette's _facet_array), how
-- many evidence quotes back it and when it was first reported. Computed at the
-- end of every build (schema/summaries/timeline.sql) into summary_timeline, so
-- counting, faceting and paging the view cost the same as a table's.
select
    stl.kind,
    stl.record_id,
    stl.title,
    stl.date,
    stl.date_precision,
    stl.date_earliest,
    stl.date_latest,
    stl.year,
    stl.month,
    stl.status,
    stl.category,
    stl.countries,
    stl.sources,
    stl.first_reported,
    stl.summary,
    stl.series,
    stl.edition,
    stl.place,
    stl.place_country,
    stl.latitude,
    stl.longitude,
    stl.review_status
from summary_timeline as stl
"""

INDEXED = ("category", "date_earliest", "kind", "series", "status", "year")


def upgrade() -> None:
    op.create_table(
        "summary_timeline",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("record_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=False),
        sa.Column("date_earliest", sa.Text(), nullable=True),
        sa.Column("date_latest", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("countries", pgsql.json_type(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("first_reported", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("series", sa.Text(), nullable=True),
        sa.Column("edition", sa.Integer(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("place_country", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("review_status", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["place_country"], ["countries.iso3"],
                                name=op.f("fk_summary_timeline_place_country_countries")),
        sa.ForeignKeyConstraint(["record_id"], ["records.record_id"], name=op.f("fk_summary_timeline_record_id_records")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_summary_timeline")),
    )
    with op.batch_alter_table("summary_timeline", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_summary_timeline_{column}"), [column], unique=False)
    op.execute(pgsql.sql(f"INSERT INTO summary_timeline SELECT * FROM ({TIMELINE_ROWS}) AS q ORDER BY 2"))
    op.execute("DROP VIEW timeline")
    op.execute(f"CREATE VIEW timeline AS\n{TIMELINE}")


def downgrade() -> None:
    op.execute("DROP VIEW timeline")
    frozen = op.get_context().script.get_revision("0003").module.VIEWS["timeline"]
    op.execute(f"CREATE VIEW timeline AS\n{pgsql.sql(frozen)}")
    with op.batch_alter_table("summary_timeline", schema=None) as batch_op:
        for column in reversed(INDEXED):
            batch_op.drop_index(batch_op.f(f"ix_summary_timeline_{column}"))
    op.drop_table("summary_timeline")
