"""curation: series, facilities, figures, conflicts, coverage decisions, aliases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_BEFORE = "kind IN ('meeting', 'agreement', 'exercise', 'proposal')"
KINDS_AFTER = "kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility')"
FREQUENCY_BEFORE = "frequency IN ('annual', 'one_off', 'unknown')"
FREQUENCY_AFTER = "frequency IN ('annual', 'irregular', 'one_off', 'unknown')"


def upgrade() -> None:
    op.create_table('conflicts',
    sa.Column('conflict_id', sa.Text(), nullable=False),
    sa.Column('conflict_type', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('handling', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("conflict_id <> '' AND conflict_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_conflicts_conflict_id_slug')),
    sa.CheckConstraint(pgsql.sql("conflict_type IN ('contradiction', 'vague_reference', 'attendance', 'possible_duplicate', 'unverified_claim', 'inference')"), name=op.f('ck_conflicts_conflict_type')),
    sa.PrimaryKeyConstraint('conflict_id', name=op.f('pk_conflicts'))
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_conflict_type'), ['conflict_type'], unique=False)

    op.create_table('series',
    sa.Column('series_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('frequency', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("frequency IN ('annual', 'irregular', 'one_off', 'unknown')"), name=op.f('ck_series_frequency')),
    sa.CheckConstraint(pgsql.sql("kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility')"), name=op.f('ck_series_kind')),
    sa.CheckConstraint(pgsql.sql("series_id <> '' AND series_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_series_series_id_slug')),
    sa.PrimaryKeyConstraint('series_id', name=op.f('pk_series'))
    )
    op.create_table('conflict_quotes',
    sa.Column('quote_id', sa.Integer(), nullable=False),
    sa.Column('conflict_id', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('claim', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql('char_start >= 0 AND char_end > char_start'), name=op.f('ck_conflict_quotes_offsets_order')),
    sa.CheckConstraint(pgsql.sql('length(quote) = char_end - char_start'), name=op.f('ck_conflict_quotes_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflicts.conflict_id'], name=op.f('fk_conflict_quotes_conflict_id_conflicts')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_conflict_quotes_document_id_documents')),
    sa.PrimaryKeyConstraint('quote_id', name=op.f('pk_conflict_quotes')),
    sa.UniqueConstraint('conflict_id', 'document_id', 'char_start', 'char_end', name=op.f('uq_conflict_quotes_conflict_id_document_id_char_start_char_end'))
    )
    with op.batch_alter_table('conflict_quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_quotes_conflict_id'), ['conflict_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_quotes_document_id'), ['document_id'], unique=False)

    op.create_table('coverage_skips',
    sa.Column('skip_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("reason IN ('background', 'analysis', 'recommendation', 'commentary', 'page_furniture', 'out_of_scope', 'series_description', 'position_statement', 'statistic')"), name=op.f('ck_coverage_skips_reason')),
    sa.CheckConstraint(pgsql.sql('char_start >= 0 AND char_end > char_start'), name=op.f('ck_coverage_skips_offsets_order')),
    sa.CheckConstraint(pgsql.sql('length(quote) = char_end - char_start'), name=op.f('ck_coverage_skips_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_coverage_skips_document_id_documents')),
    sa.PrimaryKeyConstraint('skip_id', name=op.f('pk_coverage_skips')),
    sa.UniqueConstraint('document_id', 'char_start', 'char_end', name=op.f('uq_coverage_skips_document_id_char_start_char_end'))
    )
    with op.batch_alter_table('coverage_skips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coverage_skips_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coverage_skips_reason'), ['reason'], unique=False)

    op.create_table('conflict_records',
    sa.Column('conflict_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflicts.conflict_id'], name=op.f('fk_conflict_records_conflict_id_conflicts')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_conflict_records_record_id_records')),
    sa.PrimaryKeyConstraint('conflict_id', 'record_id', name=op.f('pk_conflict_records'))
    )
    with op.batch_alter_table('conflict_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_records_record_id'), ['record_id'], unique=False)

    op.create_table('facilities',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='facility', nullable=False),
    sa.Column('facility_type', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("facility_type IN ('air_base', 'military_base', 'military_hospital', 'port_terminal')"), name=op.f('ck_facilities_facility_type')),
    sa.CheckConstraint(pgsql.sql("kind = 'facility'"), name=op.f('ck_facilities_kind_fixed')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_facilities_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_facilities'))
    )
    with op.batch_alter_table('facilities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilities_facility_type'), ['facility_type'], unique=False)

    op.create_table('figures',
    sa.Column('figure_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('approximate', sa.Integer(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.CheckConstraint(pgsql.sql('approximate IN (0, 1)'), name=op.f('ck_figures_approximate_bool')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.evidence_id'], name=op.f('fk_figures_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_figures_record_id_records')),
    sa.PrimaryKeyConstraint('figure_id', name=op.f('pk_figures')),
    sa.UniqueConstraint('record_id', 'label', name=op.f('uq_figures_record_id_label'))
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figures_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_record_id'), ['record_id'], unique=False)

    op.create_table('aliases',
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('entity_type', sa.Text(), nullable=False),
    sa.Column('iso3', sa.Text(), nullable=True),
    sa.Column('org_id', sa.Text(), nullable=True),
    sa.Column('person_id', sa.Text(), nullable=True),
    sa.Column('series_id', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("(entity_type = 'country') = (iso3 IS NOT NULL) AND (entity_type = 'organization') = (org_id IS NOT NULL) AND (entity_type = 'person') = (person_id IS NOT NULL) AND (entity_type = 'series') = (series_id IS NOT NULL)"), name=op.f('ck_aliases_one_entity')),
    sa.CheckConstraint(pgsql.sql("entity_type IN ('country', 'organization', 'person', 'series', 'ignore')"), name=op.f('ck_aliases_entity_type')),
    sa.CheckConstraint(pgsql.sql("origin IN ('name', 'iso_name', 'official_name', 'abbreviation', 'curated')"), name=op.f('ck_aliases_origin')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_aliases_iso3_countries')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_aliases_org_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_aliases_person_id_people')),
    sa.ForeignKeyConstraint(['series_id'], ['series.series_id'], name=op.f('fk_aliases_series_id_series')),
    sa.PrimaryKeyConstraint('alias', name=op.f('pk_aliases'))
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_entity_type'), ['entity_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_iso3'), ['iso3'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_series_id'), ['series_id'], unique=False)

    # records gains a series and an edition, and "facility" joins the kinds:
    # SQLite changes a CHECK only by rebuilding the table, which batch mode does.
    with op.batch_alter_table('records', schema=None, recreate=pgsql.recreate()) as batch_op:
        batch_op.add_column(sa.Column('series_id', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('edition', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_records_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_records_kind'), KINDS_AFTER)
        batch_op.create_check_constraint(
            batch_op.f('ck_records_edition_in_series'),
            "edition IS NULL OR (edition > 0 AND series_id IS NOT NULL)",
        )
        batch_op.create_index(batch_op.f('ix_records_series_id'), ['series_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_records_series_id_series'), 'series', ['series_id'], ['series_id'])

    with op.batch_alter_table('exercises', schema=None, recreate=pgsql.recreate()) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_exercises_frequency'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_exercises_frequency'), FREQUENCY_AFTER)


def downgrade() -> None:
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_series_id'))
        batch_op.drop_index(batch_op.f('ix_aliases_person_id'))
        batch_op.drop_index(batch_op.f('ix_aliases_org_id'))
        batch_op.drop_index(batch_op.f('ix_aliases_iso3'))
        batch_op.drop_index(batch_op.f('ix_aliases_entity_type'))

    op.drop_table('aliases')
    # Facilities cannot exist before this revision: their rows go first.
    facility_ids = "SELECT record_id FROM records WHERE kind = 'facility'"
    for table in ('figures', 'evidence', 'record_countries', 'record_organizations', 'record_people'):
        op.execute(f"DELETE FROM {table} WHERE record_id IN ({facility_ids})")
    op.execute("DELETE FROM records WHERE kind = 'facility'")
    op.execute("UPDATE exercises SET frequency = 'unknown' WHERE frequency = 'irregular'")
    with op.batch_alter_table('exercises', schema=None, recreate=pgsql.recreate()) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_exercises_frequency'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_exercises_frequency'), FREQUENCY_BEFORE)
    with op.batch_alter_table('records', schema=None, recreate=pgsql.recreate()) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_records_series_id_series'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_records_series_id'))
        batch_op.drop_constraint(batch_op.f('ck_records_edition_in_series'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_records_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_records_kind'), KINDS_BEFORE)
        batch_op.drop_column('edition')
        batch_op.drop_column('series_id')

    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figures_record_id'))
        batch_op.drop_index(batch_op.f('ix_figures_evidence_id'))

    op.drop_table('figures')
    with op.batch_alter_table('facilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilities_facility_type'))

    op.drop_table('facilities')
    with op.batch_alter_table('conflict_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_records_record_id'))

    op.drop_table('conflict_records')
    with op.batch_alter_table('coverage_skips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coverage_skips_reason'))
        batch_op.drop_index(batch_op.f('ix_coverage_skips_document_id'))

    op.drop_table('coverage_skips')
    with op.batch_alter_table('conflict_quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_quotes_document_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_quotes_conflict_id'))

    op.drop_table('conflict_quotes')
    op.drop_table('series')
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflicts_conflict_type'))

    op.drop_table('conflicts')
