"""initial schema: reference data, documents, records, links, evidence

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('countries',
    sa.Column('iso3', sa.Text(), nullable=False),
    sa.Column('iso2', sa.Text(), nullable=False),
    sa.Column('iso_numeric', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('iso_name', sa.Text(), nullable=False),
    sa.Column('official_name', sa.Text(), nullable=True),
    sa.Column('region', sa.Text(), nullable=True),
    sa.Column('subregion', sa.Text(), nullable=True),
    sa.Column('is_central_asia', sa.Integer(), nullable=False),
    sa.Column('capital', sa.Text(), nullable=True),
    sa.Column('capital_latitude', sa.Float(), nullable=True),
    sa.Column('capital_longitude', sa.Float(), nullable=True),
    sa.CheckConstraint(pgsql.sql("iso2 GLOB '[A-Z][A-Z]'"), name=op.f('ck_countries_iso2_format')),
    sa.CheckConstraint(pgsql.sql("iso3 GLOB '[A-Z][A-Z][A-Z]'"), name=op.f('ck_countries_iso3_format')),
    sa.CheckConstraint(pgsql.sql("iso_numeric GLOB '[0-9][0-9][0-9]'"), name=op.f('ck_countries_iso_numeric_format')),
    sa.CheckConstraint(pgsql.sql('capital_latitude BETWEEN -90 AND 90'), name=op.f('ck_countries_capital_latitude_range')),
    sa.CheckConstraint(pgsql.sql('capital_longitude BETWEEN -180 AND 180'), name=op.f('ck_countries_capital_longitude_range')),
    sa.CheckConstraint(pgsql.sql('is_central_asia IN (0, 1)'), name=op.f('ck_countries_is_central_asia_bool')),
    sa.PrimaryKeyConstraint('iso3', name=op.f('pk_countries')),
    sa.UniqueConstraint('iso2', name=op.f('uq_countries_iso2')),
    sa.UniqueConstraint('iso_numeric', name=op.f('uq_countries_iso_numeric'))
    )
    with op.batch_alter_table('countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_countries_region'), ['region'], unique=False)

    op.create_table('documents',
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_basis', sa.Text(), nullable=False),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('published_on', sa.Text(), nullable=True),
    sa.Column('date_precision', sa.Text(), nullable=False),
    sa.Column('date_basis', sa.Text(), nullable=False),
    sa.Column('date_note', sa.Text(), nullable=True),
    sa.Column('published_earliest', sa.Text(), nullable=True),
    sa.Column('published_latest', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('original_filename', sa.Text(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('char_count', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("(date_precision = 'unknown' AND published_on IS NULL) OR (date_precision = 'year' AND published_on GLOB '[0-9][0-9][0-9][0-9]') OR (date_precision = 'month' AND published_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(published_on, 6, 2) BETWEEN '01' AND '12') OR (date_precision = 'day' AND published_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(published_on) = published_on)"), name=op.f('ck_documents_published_on_precision')),
    sa.CheckConstraint(pgsql.sql("date_basis IN ('stated', 'inferred')"), name=op.f('ck_documents_date_basis')),
    sa.CheckConstraint(pgsql.sql("date_precision IN ('day', 'month', 'year', 'unknown')"), name=op.f('ck_documents_date_precision')),
    sa.CheckConstraint(pgsql.sql("document_id <> '' AND document_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_documents_document_id_slug')),
    sa.CheckConstraint(pgsql.sql("published_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(published_earliest) = published_earliest"), name=op.f('ck_documents_published_earliest_day')),
    sa.CheckConstraint(pgsql.sql("published_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(published_latest) = published_latest"), name=op.f('ck_documents_published_latest_day')),
    sa.CheckConstraint(pgsql.sql("title_basis IN ('stated', 'supplied')"), name=op.f('ck_documents_title_basis')),
    sa.CheckConstraint(pgsql.sql('char_count = length(text)'), name=op.f('ck_documents_char_count_matches')),
    sa.CheckConstraint(pgsql.sql('length(sha256) = 64'), name=op.f('ck_documents_sha256_length')),
    sa.CheckConstraint(pgsql.sql('published_earliest <= published_latest'), name=op.f('ck_documents_published_order')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_publisher'), ['publisher'], unique=False)

    op.create_table('organizations',
    sa.Column('org_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('abbreviation', sa.Text(), nullable=True),
    sa.Column('org_type', sa.Text(), nullable=False),
    sa.Column('parent_org_id', sa.Text(), nullable=True),
    sa.Column('country_iso3', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('source_document_id', sa.Text(), nullable=False),
    sa.Column('source_quote', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("org_id <> '' AND org_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_organizations_org_id_slug')),
    sa.CheckConstraint(pgsql.sql("org_type IN ('intergovernmental_organization', 'regional_structure', 'dialogue_format', 'transport_corridor', 'trade_agreement', 'initiative', 'government_body', 'armed_group', 'company', 'media', 'forum')"), name=op.f('ck_organizations_org_type')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_organizations_country_iso3_countries')),
    sa.ForeignKeyConstraint(['parent_org_id'], ['organizations.org_id'], name=op.f('fk_organizations_parent_org_id_organizations')),
    sa.ForeignKeyConstraint(['source_document_id'], ['documents.document_id'], name=op.f('fk_organizations_source_document_id_documents')),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_organizations'))
    )
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizations_country_iso3'), ['country_iso3'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_org_type'), ['org_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_parent_org_id'), ['parent_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_source_document_id'), ['source_document_id'], unique=False)

    op.create_table('people',
    sa.Column('person_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('country_iso3', sa.Text(), nullable=False),
    sa.Column('source_document_id', sa.Text(), nullable=False),
    sa.Column('source_quote', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("person_id <> '' AND person_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_people_person_id_slug')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_people_country_iso3_countries')),
    sa.ForeignKeyConstraint(['source_document_id'], ['documents.document_id'], name=op.f('fk_people_source_document_id_documents')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_country_iso3'), ['country_iso3'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_source_document_id'), ['source_document_id'], unique=False)

    op.create_table('places',
    sa.Column('place_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('place_type', sa.Text(), nullable=False),
    sa.Column('country_iso3', sa.Text(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.Column('coordinate_precision', sa.Text(), nullable=False),
    sa.Column('coordinate_source', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("coordinate_precision IN ('city', 'approximate', 'country')"), name=op.f('ck_places_coordinate_precision')),
    sa.CheckConstraint(pgsql.sql("place_id <> '' AND place_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_places_place_id_slug')),
    sa.CheckConstraint(pgsql.sql("place_type IN ('city', 'district', 'port', 'military_base', 'country')"), name=op.f('ck_places_place_type')),
    sa.CheckConstraint(pgsql.sql('latitude BETWEEN -90 AND 90'), name=op.f('ck_places_latitude_range')),
    sa.CheckConstraint(pgsql.sql('longitude BETWEEN -180 AND 180'), name=op.f('ck_places_longitude_range')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_places_country_iso3_countries')),
    sa.PrimaryKeyConstraint('place_id', name=op.f('pk_places'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_country_iso3'), ['country_iso3'], unique=False)

    op.create_table('records',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('date', sa.Text(), nullable=True),
    sa.Column('date_precision', sa.Text(), nullable=False),
    sa.Column('date_basis', sa.Text(), nullable=True),
    sa.Column('date_note', sa.Text(), nullable=True),
    sa.Column('end_date', sa.Text(), nullable=True),
    sa.Column('end_date_precision', sa.Text(), nullable=True),
    sa.Column('date_earliest', sa.Text(), nullable=True),
    sa.Column('date_latest', sa.Text(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('month', sa.Text(), nullable=True),
    sa.Column('place_id', sa.Text(), nullable=True),
    sa.Column('place_note', sa.Text(), nullable=True),
    sa.Column('review_status', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("(date_precision = 'unknown' AND date IS NULL) OR (date_precision = 'year' AND date GLOB '[0-9][0-9][0-9][0-9]') OR (date_precision = 'month' AND date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(date, 6, 2) BETWEEN '01' AND '12') OR (date_precision = 'day' AND date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(date) = date)"), name=op.f('ck_records_date_precision_format')),
    sa.CheckConstraint(pgsql.sql("(end_date IS NULL AND end_date_precision IS NULL) OR (end_date_precision = 'year' AND end_date GLOB '[0-9][0-9][0-9][0-9]') OR (end_date_precision = 'month' AND end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]') OR (end_date_precision = 'day' AND end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(end_date) = end_date)"), name=op.f('ck_records_end_date_format')),
    sa.CheckConstraint(pgsql.sql("category IN ('diplomacy', 'regional_security', 'counter_terrorism', 'defence', 'defence_industry', 'cyber_security', 'narcotics', 'connectivity', 'trade', 'digital_payments', 'critical_minerals', 'education', 'health', 'technology')"), name=op.f('ck_records_category')),
    sa.CheckConstraint(pgsql.sql("date_basis IN ('stated', 'inferred')"), name=op.f('ck_records_date_basis')),
    sa.CheckConstraint(pgsql.sql("date_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(date_earliest) = date_earliest"), name=op.f('ck_records_date_earliest_day')),
    sa.CheckConstraint(pgsql.sql("date_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(date_latest) = date_latest"), name=op.f('ck_records_date_latest_day')),
    sa.CheckConstraint(pgsql.sql("date_precision = 'unknown' OR date_basis IS NOT NULL"), name=op.f('ck_records_dated_has_basis')),
    sa.CheckConstraint(pgsql.sql("date_precision IN ('day', 'month', 'year', 'unknown')"), name=op.f('ck_records_date_precision')),
    sa.CheckConstraint(pgsql.sql("end_date_precision IN ('day', 'month', 'year')"), name=op.f('ck_records_end_date_precision')),
    sa.CheckConstraint(pgsql.sql("kind IN ('meeting', 'agreement', 'exercise', 'proposal')"), name=op.f('ck_records_kind')),
    sa.CheckConstraint(pgsql.sql("record_id <> '' AND record_id NOT GLOB '*[^a-z0-9-]*'"), name=op.f('ck_records_record_id_slug')),
    sa.CheckConstraint(pgsql.sql("review_status IN ('reviewed', 'needs_review', 'machine_suggested')"), name=op.f('ck_records_review_status')),
    sa.CheckConstraint(pgsql.sql("status IN ('held', 'planned', 'proposed', 'offered', 'agreed', 'signed', 'in_force', 'ongoing', 'completed', 'operational', 'unused', 'closed', 'rumoured')"), name=op.f('ck_records_status')),
    sa.CheckConstraint(pgsql.sql('date_earliest <= date_latest'), name=op.f('ck_records_date_order')),
    sa.CheckConstraint(pgsql.sql('month IS NULL OR month = substr(date, 1, 7)'), name=op.f('ck_records_month_matches_date')),
    sa.CheckConstraint(pgsql.sql('year IS NULL OR year = CAST(substr(date, 1, 4) AS INTEGER)'), name=op.f('ck_records_year_matches_date')),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], name=op.f('fk_records_place_id_places')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_records')),
    sa.UniqueConstraint('record_id', 'kind', name=op.f('uq_records_record_id_kind'))
    )
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_records_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_records_date_earliest'), ['date_earliest'], unique=False)
        batch_op.create_index(batch_op.f('ix_records_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_records_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_records_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_records_year'), ['year'], unique=False)

    op.create_table('evidence',
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql('char_start >= 0 AND char_end > char_start'), name=op.f('ck_evidence_offsets_order')),
    sa.CheckConstraint(pgsql.sql('length(quote) = char_end - char_start'), name=op.f('ck_evidence_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_evidence_document_id_documents')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_evidence_record_id_records')),
    sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('record_id', 'document_id', 'char_start', 'char_end', name=op.f('uq_evidence_record_id_document_id_char_start_char_end'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_record_id'), ['record_id'], unique=False)

    op.create_table('exercises',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='exercise', nullable=False),
    sa.Column('exercise_name', sa.Text(), nullable=True),
    sa.Column('format', sa.Text(), nullable=False),
    sa.Column('frequency', sa.Text(), nullable=False),
    sa.CheckConstraint(pgsql.sql("format IN ('bilateral', 'trilateral', 'multilateral')"), name=op.f('ck_exercises_format')),
    sa.CheckConstraint(pgsql.sql("frequency IN ('annual', 'one_off', 'unknown')"), name=op.f('ck_exercises_frequency')),
    sa.CheckConstraint(pgsql.sql("kind = 'exercise'"), name=op.f('ck_exercises_kind_fixed')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_exercises_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_exercises'))
    )
    op.create_table('meetings',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='meeting', nullable=False),
    sa.Column('meeting_level', sa.Text(), nullable=False),
    sa.Column('format', sa.Text(), nullable=False),
    sa.Column('mode', sa.Text(), nullable=False),
    sa.Column('sidelines_of', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("format IN ('bilateral', 'trilateral', 'multilateral')"), name=op.f('ck_meetings_format')),
    sa.CheckConstraint(pgsql.sql("kind = 'meeting'"), name=op.f('ck_meetings_kind_fixed')),
    sa.CheckConstraint(pgsql.sql("meeting_level IN ('heads_of_state', 'ministerial', 'security_advisers', 'senior_officials', 'business', 'unknown')"), name=op.f('ck_meetings_meeting_level')),
    sa.CheckConstraint(pgsql.sql("mode IN ('in_person', 'virtual', 'unknown')"), name=op.f('ck_meetings_mode')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_meetings_record_id_kind_records')),
    sa.ForeignKeyConstraint(['sidelines_of'], ['meetings.record_id'], name=op.f('fk_meetings_sidelines_of_meetings')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_meeting_level'), ['meeting_level'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_sidelines_of'), ['sidelines_of'], unique=False)

    op.create_table('record_countries',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('iso3', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject')"), name=op.f('ck_record_countries_role')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_record_countries_iso3_countries')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_countries_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'iso3', 'role', name=op.f('pk_record_countries'))
    )
    with op.batch_alter_table('record_countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_countries_iso3'), ['iso3'], unique=False)

    op.create_table('record_organizations',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('org_id', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject')"), name=op.f('ck_record_organizations_role')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_record_organizations_org_id_organizations')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_organizations_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'org_id', 'role', name=op.f('pk_record_organizations'))
    )
    with op.batch_alter_table('record_organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_organizations_org_id'), ['org_id'], unique=False)

    op.create_table('record_people',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('person_id', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject')"), name=op.f('ck_record_people_role')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_record_people_person_id_people')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_people_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'person_id', 'role', name=op.f('pk_record_people'))
    )
    with op.batch_alter_table('record_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_people_person_id'), ['person_id'], unique=False)

    op.create_table('agreements',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='agreement', nullable=False),
    sa.Column('agreement_type', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("agreement_type IN ('strategic_partnership', 'membership', 'dialogue_format', 'framework', 'military_pact', 'working_group', 'understanding', 'cooperation_programme')"), name=op.f('ck_agreements_agreement_type')),
    sa.CheckConstraint(pgsql.sql("kind = 'agreement'"), name=op.f('ck_agreements_kind_fixed')),
    sa.ForeignKeyConstraint(['made_at'], ['meetings.record_id'], name=op.f('fk_agreements_made_at_meetings')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_agreements_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_agreements'))
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_agreement_type'), ['agreement_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_made_at'), ['made_at'], unique=False)

    op.create_table('proposals',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='proposal', nullable=False),
    sa.Column('proposal_type', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=True),
    sa.CheckConstraint(pgsql.sql("kind = 'proposal'"), name=op.f('ck_proposals_kind_fixed')),
    sa.CheckConstraint(pgsql.sql("proposal_type IN ('offer', 'proposal', 'invitation', 'request')"), name=op.f('ck_proposals_proposal_type')),
    sa.ForeignKeyConstraint(['made_at'], ['meetings.record_id'], name=op.f('fk_proposals_made_at_meetings')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_proposals_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_proposals'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_made_at'), ['made_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_proposal_type'), ['proposal_type'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposals_proposal_type'))
        batch_op.drop_index(batch_op.f('ix_proposals_made_at'))

    op.drop_table('proposals')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_made_at'))
        batch_op.drop_index(batch_op.f('ix_agreements_agreement_type'))

    op.drop_table('agreements')
    with op.batch_alter_table('record_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_people_person_id'))

    op.drop_table('record_people')
    with op.batch_alter_table('record_organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_organizations_org_id'))

    op.drop_table('record_organizations')
    with op.batch_alter_table('record_countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_countries_iso3'))

    op.drop_table('record_countries')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_sidelines_of'))
        batch_op.drop_index(batch_op.f('ix_meetings_meeting_level'))

    op.drop_table('meetings')
    op.drop_table('exercises')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_record_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_document_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_records_year'))
        batch_op.drop_index(batch_op.f('ix_records_status'))
        batch_op.drop_index(batch_op.f('ix_records_place_id'))
        batch_op.drop_index(batch_op.f('ix_records_kind'))
        batch_op.drop_index(batch_op.f('ix_records_date_earliest'))
        batch_op.drop_index(batch_op.f('ix_records_category'))

    op.drop_table('records')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_country_iso3'))

    op.drop_table('places')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_source_document_id'))
        batch_op.drop_index(batch_op.f('ix_people_country_iso3'))

    op.drop_table('people')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_source_document_id'))
        batch_op.drop_index(batch_op.f('ix_organizations_parent_org_id'))
        batch_op.drop_index(batch_op.f('ix_organizations_org_type'))
        batch_op.drop_index(batch_op.f('ix_organizations_country_iso3'))

    op.drop_table('organizations')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_publisher'))

    op.drop_table('documents')
    with op.batch_alter_table('countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_countries_region'))

    op.drop_table('countries')
