"""baseline: the tables, their constraints and indexes, and the search indexes

Revision ID: 0001
Revises:
Create Date: 2026-12-07

Every build starts from an empty database and no live database is upgraded,
so the nineteen revisions that made the schema step by step are squashed into
this one: the tables as they stood at revision 0019, without the summary
tables (the views are made by the build from schema/views/, not by
revisions). Later changes to the tables are new revisions.

The CHECKs are written in SQL that SQLite and PostgreSQL run alike (see
schema/models.py); the JSON columns are TEXT with a json_valid CHECK on
SQLite and jsonb on PostgreSQL.

Search indexes: on SQLite, external-content FTS5 tables index records
(title, summary), evidence (quote), documents (title, text) and sentences
(text) without copying them; the content table is named in double quotes,
the form Datasette looks for. On PostgreSQL each is a table of the same
name: the indexed row's key and a ``search`` tsvector (the 'english'
configuration, which stems as Porter's does), GIN-indexed; search it with
``search @@ websearch_to_tsquery('english', 'offer')``. The build fills them
at its end; autogenerate leaves them alone (migrations/env.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TOKENIZE = "porter unicode61 remove_diacritics 2"
# name: (table, key (rowid on SQLite), its type, the columns searched)
SEARCH = {
    "records_fts": ("records", "record_id", sa.Text, ("title", "summary")),
    "evidence_fts": ("evidence", "evidence_id", sa.Integer, ("quote",)),
    "documents_fts": ("documents", "document_id", sa.Text, ("title", "text")),
    "sentences_fts": ("sentences", "sentence_id", sa.Integer, ("text",)),
}


def create_search_indexes() -> None:
    for name, (table, key, key_type, columns) in SEARCH.items():
        if op.get_bind().dialect.name == "sqlite":
            rowid = key if key_type is sa.Integer else "rowid"
            op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(columns)}, "
                       f'content="{table}", content_rowid="{rowid}", tokenize="{TOKENIZE}")')
            continue
        op.create_table(
            name,
            sa.Column(key, key_type(), nullable=False, autoincrement=False),
            sa.Column("search", postgresql.TSVECTOR(), nullable=False),
            sa.PrimaryKeyConstraint(key, name=op.f(f"pk_{name}")),
        )
        op.create_index(op.f(f"ix_{name}_search"), name, ["search"], unique=False, postgresql_using="gin")


def drop_search_indexes() -> None:
    for name in reversed(SEARCH):
        if op.get_bind().dialect.name != "sqlite":
            op.drop_index(op.f(f"ix_{name}_search"), table_name=name)
        op.drop_table(name)


def upgrade() -> None:
    op.create_table('build_info',
    sa.Column('data_version', sa.Text(), nullable=False),
    sa.Column('schema_revision', sa.Text(), nullable=False),
    sa.Column('seeds_sha256', sa.Text(), nullable=False),
    sa.Column('icadb_version', sa.Text(), nullable=False),
    sa.CheckConstraint('length(seeds_sha256) = 64', name=op.f('ck_build_info_seeds_sha256_length')),
    sa.PrimaryKeyConstraint('data_version', name=op.f('pk_build_info'))
    )
    op.create_table('conflicts',
    sa.Column('conflict_id', sa.Text(), nullable=False),
    sa.Column('conflict_type', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('handling', sa.Text(), nullable=False),
    sa.CheckConstraint("conflict_id <> '' AND trim(conflict_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_conflicts_conflict_id_slug')),
    sa.CheckConstraint("conflict_type IN ('contradiction', 'vague_reference', 'attendance', 'possible_duplicate', 'unverified_claim', 'inference', 'one_sided_account')", name=op.f('ck_conflicts_conflict_type')),
    sa.PrimaryKeyConstraint('conflict_id', name=op.f('pk_conflicts'))
    )
    op.create_index(op.f('ix_conflicts_conflict_type'), 'conflicts', ['conflict_type'], unique=False)
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
    sa.CheckConstraint("length(iso2) = 2 AND trim(iso2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ''", name=op.f('ck_countries_iso2_format')),
    sa.CheckConstraint("length(iso3) = 3 AND trim(iso3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ''", name=op.f('ck_countries_iso3_format')),
    sa.CheckConstraint("length(iso_numeric) = 3 AND trim(iso_numeric, '0123456789') = ''", name=op.f('ck_countries_iso_numeric_format')),
    sa.CheckConstraint('capital_latitude BETWEEN -90 AND 90', name=op.f('ck_countries_capital_latitude_range')),
    sa.CheckConstraint('capital_longitude BETWEEN -180 AND 180', name=op.f('ck_countries_capital_longitude_range')),
    sa.CheckConstraint('is_central_asia IN (0, 1)', name=op.f('ck_countries_is_central_asia_bool')),
    sa.PrimaryKeyConstraint('iso3', name=op.f('pk_countries')),
    sa.UniqueConstraint('iso2', name=op.f('uq_countries_iso2')),
    sa.UniqueConstraint('iso_numeric', name=op.f('uq_countries_iso_numeric'))
    )
    op.create_index(op.f('ix_countries_region'), 'countries', ['region'], unique=False)
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
    sa.CheckConstraint("(date_precision = 'unknown' AND published_on IS NULL) OR (date_precision = 'year' AND length(published_on) = 4 AND trim(published_on, '0123456789') = '') OR (date_precision = 'month' AND length(published_on) = 7 AND substr(published_on, 5, 1) = '-' AND trim(replace(published_on, '-', ''), '0123456789') = '' AND substr(published_on, 6, 2) BETWEEN '01' AND '12') OR (date_precision = 'day' AND CASE WHEN length(published_on) = 10 AND substr(published_on, 5, 1) = '-' AND substr(published_on, 8, 1) = '-' AND trim(replace(published_on, '-', ''), '0123456789') = '' THEN substr(published_on, 6, 2) BETWEEN '01' AND '12' AND substr(published_on, 9, 2) BETWEEN '01' AND (CASE WHEN substr(published_on, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(published_on, 6, 2) = '02' THEN CASE WHEN (CAST(substr(published_on, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(published_on, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(published_on, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN published_on IS NOT NULL THEN 1 = 0 END)", name=op.f('ck_documents_published_on_precision')),
    sa.CheckConstraint("CASE WHEN length(published_earliest) = 10 AND substr(published_earliest, 5, 1) = '-' AND substr(published_earliest, 8, 1) = '-' AND trim(replace(published_earliest, '-', ''), '0123456789') = '' THEN substr(published_earliest, 6, 2) BETWEEN '01' AND '12' AND substr(published_earliest, 9, 2) BETWEEN '01' AND (CASE WHEN substr(published_earliest, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(published_earliest, 6, 2) = '02' THEN CASE WHEN (CAST(substr(published_earliest, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(published_earliest, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(published_earliest, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN published_earliest IS NOT NULL THEN 1 = 0 END", name=op.f('ck_documents_published_earliest_day')),
    sa.CheckConstraint("CASE WHEN length(published_latest) = 10 AND substr(published_latest, 5, 1) = '-' AND substr(published_latest, 8, 1) = '-' AND trim(replace(published_latest, '-', ''), '0123456789') = '' THEN substr(published_latest, 6, 2) BETWEEN '01' AND '12' AND substr(published_latest, 9, 2) BETWEEN '01' AND (CASE WHEN substr(published_latest, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(published_latest, 6, 2) = '02' THEN CASE WHEN (CAST(substr(published_latest, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(published_latest, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(published_latest, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN published_latest IS NOT NULL THEN 1 = 0 END", name=op.f('ck_documents_published_latest_day')),
    sa.CheckConstraint("date_basis IN ('stated', 'inferred')", name=op.f('ck_documents_date_basis')),
    sa.CheckConstraint("date_precision IN ('day', 'month', 'year', 'unknown')", name=op.f('ck_documents_date_precision')),
    sa.CheckConstraint("document_id <> '' AND trim(document_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_documents_document_id_slug')),
    sa.CheckConstraint("title_basis IN ('stated', 'supplied')", name=op.f('ck_documents_title_basis')),
    sa.CheckConstraint('char_count = length(text)', name=op.f('ck_documents_char_count_matches')),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_documents_sha256_length')),
    sa.CheckConstraint('published_earliest <= published_latest', name=op.f('ck_documents_published_order')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    op.create_index(op.f('ix_documents_publisher'), 'documents', ['publisher'], unique=False)
    op.create_table('series',
    sa.Column('series_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('frequency', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.CheckConstraint("frequency IN ('annual', 'irregular', 'one_off', 'unknown')", name=op.f('ck_series_frequency')),
    sa.CheckConstraint("kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility', 'activity')", name=op.f('ck_series_kind')),
    sa.CheckConstraint("series_id <> '' AND trim(series_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_series_series_id_slug')),
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
    sa.CheckConstraint('char_start >= 0 AND char_end > char_start', name=op.f('ck_conflict_quotes_offsets_order')),
    sa.CheckConstraint('length(quote) = char_end - char_start', name=op.f('ck_conflict_quotes_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflicts.conflict_id'], name=op.f('fk_conflict_quotes_conflict_id_conflicts')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_conflict_quotes_document_id_documents')),
    sa.PrimaryKeyConstraint('quote_id', name=op.f('pk_conflict_quotes')),
    sa.UniqueConstraint('conflict_id', 'document_id', 'char_start', 'char_end', name=op.f('uq_conflict_quotes_conflict_id_document_id_char_start_char_end'))
    )
    op.create_index(op.f('ix_conflict_quotes_conflict_id'), 'conflict_quotes', ['conflict_id'], unique=False)
    op.create_index(op.f('ix_conflict_quotes_document_id'), 'conflict_quotes', ['document_id'], unique=False)
    op.create_table('coverage_skips',
    sa.Column('skip_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("reason IN ('background', 'analysis', 'recommendation', 'commentary', 'page_furniture', 'out_of_scope', 'series_description', 'position_statement', 'statistic')", name=op.f('ck_coverage_skips_reason')),
    sa.CheckConstraint('char_start >= 0 AND char_end > char_start', name=op.f('ck_coverage_skips_offsets_order')),
    sa.CheckConstraint('length(quote) = char_end - char_start', name=op.f('ck_coverage_skips_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_coverage_skips_document_id_documents')),
    sa.PrimaryKeyConstraint('skip_id', name=op.f('pk_coverage_skips')),
    sa.UniqueConstraint('document_id', 'char_start', 'char_end', name=op.f('uq_coverage_skips_document_id_char_start_char_end'))
    )
    op.create_index(op.f('ix_coverage_skips_document_id'), 'coverage_skips', ['document_id'], unique=False)
    op.create_index(op.f('ix_coverage_skips_reason'), 'coverage_skips', ['reason'], unique=False)
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
    sa.CheckConstraint("org_id <> '' AND trim(org_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_organizations_org_id_slug')),
    sa.CheckConstraint("org_type IN ('intergovernmental_organization', 'regional_structure', 'dialogue_format', 'transport_corridor', 'trade_agreement', 'initiative', 'government_body', 'armed_group', 'company', 'media', 'forum')", name=op.f('ck_organizations_org_type')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_organizations_country_iso3_countries')),
    sa.ForeignKeyConstraint(['parent_org_id'], ['organizations.org_id'], name=op.f('fk_organizations_parent_org_id_organizations')),
    sa.ForeignKeyConstraint(['source_document_id'], ['documents.document_id'], name=op.f('fk_organizations_source_document_id_documents')),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_organizations'))
    )
    op.create_index(op.f('ix_organizations_country_iso3'), 'organizations', ['country_iso3'], unique=False)
    op.create_index(op.f('ix_organizations_org_type'), 'organizations', ['org_type'], unique=False)
    op.create_index(op.f('ix_organizations_parent_org_id'), 'organizations', ['parent_org_id'], unique=False)
    op.create_index(op.f('ix_organizations_source_document_id'), 'organizations', ['source_document_id'], unique=False)
    op.create_table('people',
    sa.Column('person_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('country_iso3', sa.Text(), nullable=False),
    sa.Column('source_document_id', sa.Text(), nullable=False),
    sa.Column('source_quote', sa.Text(), nullable=False),
    sa.CheckConstraint("person_id <> '' AND trim(person_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_people_person_id_slug')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_people_country_iso3_countries')),
    sa.ForeignKeyConstraint(['source_document_id'], ['documents.document_id'], name=op.f('fk_people_source_document_id_documents')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_people'))
    )
    op.create_index(op.f('ix_people_country_iso3'), 'people', ['country_iso3'], unique=False)
    op.create_index(op.f('ix_people_source_document_id'), 'people', ['source_document_id'], unique=False)
    op.create_table('places',
    sa.Column('place_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('place_type', sa.Text(), nullable=False),
    sa.Column('country_iso3', sa.Text(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.Column('coordinate_precision', sa.Text(), nullable=False),
    sa.Column('coordinate_source', sa.Text(), nullable=False),
    sa.CheckConstraint("coordinate_precision IN ('city', 'approximate', 'country')", name=op.f('ck_places_coordinate_precision')),
    sa.CheckConstraint("place_id <> '' AND trim(place_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_places_place_id_slug')),
    sa.CheckConstraint("place_type IN ('city', 'district', 'port', 'military_base', 'country')", name=op.f('ck_places_place_type')),
    sa.CheckConstraint('latitude BETWEEN -90 AND 90', name=op.f('ck_places_latitude_range')),
    sa.CheckConstraint('longitude BETWEEN -180 AND 180', name=op.f('ck_places_longitude_range')),
    sa.ForeignKeyConstraint(['country_iso3'], ['countries.iso3'], name=op.f('fk_places_country_iso3_countries')),
    sa.PrimaryKeyConstraint('place_id', name=op.f('pk_places'))
    )
    op.create_index(op.f('ix_places_country_iso3'), 'places', ['country_iso3'], unique=False)
    op.create_table('sentences',
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('cooperation_terms', sa.Text().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('party_phrases', sa.Text().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), server_default=sa.text("'[]'"), nullable=False),
    sa.CheckConstraint('char_start >= 0 AND char_end > char_start', name=op.f('ck_sentences_offsets_order')),
    sa.CheckConstraint('json_valid(cooperation_terms)', name=op.f('ck_sentences_cooperation_terms_json')).ddl_if(dialect='sqlite'),
    sa.CheckConstraint("jsonb_typeof(cooperation_terms) <> 'null'", name=op.f('ck_sentences_cooperation_terms_json')).ddl_if(dialect='postgresql'),
    sa.CheckConstraint('json_valid(party_phrases)', name=op.f('ck_sentences_party_phrases_json')).ddl_if(dialect='sqlite'),
    sa.CheckConstraint("jsonb_typeof(party_phrases) <> 'null'", name=op.f('ck_sentences_party_phrases_json')).ddl_if(dialect='postgresql'),
    sa.CheckConstraint('length(text) = char_end - char_start', name=op.f('ck_sentences_text_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_sentences_document_id_documents')),
    sa.PrimaryKeyConstraint('sentence_id', name=op.f('pk_sentences')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_sentences_document_id_position'))
    )
    op.create_index(op.f('ix_sentences_document_id'), 'sentences', ['document_id'], unique=False)
    op.create_table('aliases',
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('entity_type', sa.Text(), nullable=False),
    sa.Column('iso3', sa.Text(), nullable=True),
    sa.Column('org_id', sa.Text(), nullable=True),
    sa.Column('person_id', sa.Text(), nullable=True),
    sa.Column('series_id', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.CheckConstraint("(entity_type = 'country') = (iso3 IS NOT NULL) AND (entity_type = 'organization') = (org_id IS NOT NULL) AND (entity_type = 'person') = (person_id IS NOT NULL) AND (entity_type = 'series') = (series_id IS NOT NULL)", name=op.f('ck_aliases_one_entity')),
    sa.CheckConstraint("entity_type IN ('country', 'organization', 'person', 'series', 'ignore')", name=op.f('ck_aliases_entity_type')),
    sa.CheckConstraint("origin IN ('name', 'iso_name', 'official_name', 'abbreviation', 'curated')", name=op.f('ck_aliases_origin')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_aliases_iso3_countries')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_aliases_org_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_aliases_person_id_people')),
    sa.ForeignKeyConstraint(['series_id'], ['series.series_id'], name=op.f('fk_aliases_series_id_series')),
    sa.PrimaryKeyConstraint('alias', name=op.f('pk_aliases'))
    )
    op.create_index(op.f('ix_aliases_entity_type'), 'aliases', ['entity_type'], unique=False)
    op.create_index(op.f('ix_aliases_iso3'), 'aliases', ['iso3'], unique=False)
    op.create_index(op.f('ix_aliases_org_id'), 'aliases', ['org_id'], unique=False)
    op.create_index(op.f('ix_aliases_person_id'), 'aliases', ['person_id'], unique=False)
    op.create_index(op.f('ix_aliases_series_id'), 'aliases', ['series_id'], unique=False)
    op.create_table('mentions',
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.Text(), nullable=False),
    sa.Column('iso3', sa.Text(), nullable=True),
    sa.Column('org_id', sa.Text(), nullable=True),
    sa.Column('person_id', sa.Text(), nullable=True),
    sa.Column('series_id', sa.Text(), nullable=True),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.CheckConstraint("(entity_type = 'country') = (iso3 IS NOT NULL) AND (entity_type = 'organization') = (org_id IS NOT NULL) AND (entity_type = 'person') = (person_id IS NOT NULL) AND (entity_type = 'series') = (series_id IS NOT NULL)", name=op.f('ck_mentions_one_entity')),
    sa.CheckConstraint("entity_type IN ('country', 'organization', 'person', 'series')", name=op.f('ck_mentions_entity_type')),
    sa.CheckConstraint('char_start >= 0 AND char_end > char_start', name=op.f('ck_mentions_offsets_order')),
    sa.CheckConstraint('length(surface) = char_end - char_start', name=op.f('ck_mentions_surface_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_mentions_document_id_documents')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_mentions_iso3_countries')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_mentions_org_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_mentions_person_id_people')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_mentions_sentence_id_sentences')),
    sa.ForeignKeyConstraint(['series_id'], ['series.series_id'], name=op.f('fk_mentions_series_id_series')),
    sa.PrimaryKeyConstraint('mention_id', name=op.f('pk_mentions'))
    )
    op.create_index(op.f('ix_mentions_document_id'), 'mentions', ['document_id'], unique=False)
    op.create_index(op.f('ix_mentions_entity_type'), 'mentions', ['entity_type'], unique=False)
    op.create_index(op.f('ix_mentions_iso3'), 'mentions', ['iso3'], unique=False)
    op.create_index(op.f('ix_mentions_org_id'), 'mentions', ['org_id'], unique=False)
    op.create_index(op.f('ix_mentions_person_id'), 'mentions', ['person_id'], unique=False)
    op.create_index(op.f('ix_mentions_sentence_id'), 'mentions', ['sentence_id'], unique=False)
    op.create_index(op.f('ix_mentions_series_id'), 'mentions', ['series_id'], unique=False)
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
    sa.Column('series_id', sa.Text(), nullable=True),
    sa.Column('edition', sa.Integer(), nullable=True),
    sa.CheckConstraint("(date_precision = 'unknown' AND date IS NULL) OR (date_precision = 'year' AND length(date) = 4 AND trim(date, '0123456789') = '') OR (date_precision = 'month' AND length(date) = 7 AND substr(date, 5, 1) = '-' AND trim(replace(date, '-', ''), '0123456789') = '' AND substr(date, 6, 2) BETWEEN '01' AND '12') OR (date_precision = 'day' AND CASE WHEN length(date) = 10 AND substr(date, 5, 1) = '-' AND substr(date, 8, 1) = '-' AND trim(replace(date, '-', ''), '0123456789') = '' THEN substr(date, 6, 2) BETWEEN '01' AND '12' AND substr(date, 9, 2) BETWEEN '01' AND (CASE WHEN substr(date, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(date, 6, 2) = '02' THEN CASE WHEN (CAST(substr(date, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(date, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(date, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN date IS NOT NULL THEN 1 = 0 END)", name=op.f('ck_records_date_precision_format')),
    sa.CheckConstraint("(end_date IS NULL AND end_date_precision IS NULL) OR (end_date_precision = 'year' AND length(end_date) = 4 AND trim(end_date, '0123456789') = '') OR (end_date_precision = 'month' AND length(end_date) = 7 AND substr(end_date, 5, 1) = '-' AND trim(replace(end_date, '-', ''), '0123456789') = '' AND substr(end_date, 6, 2) BETWEEN '01' AND '12') OR (end_date_precision = 'day' AND CASE WHEN length(end_date) = 10 AND substr(end_date, 5, 1) = '-' AND substr(end_date, 8, 1) = '-' AND trim(replace(end_date, '-', ''), '0123456789') = '' THEN substr(end_date, 6, 2) BETWEEN '01' AND '12' AND substr(end_date, 9, 2) BETWEEN '01' AND (CASE WHEN substr(end_date, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(end_date, 6, 2) = '02' THEN CASE WHEN (CAST(substr(end_date, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(end_date, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(end_date, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN end_date IS NOT NULL THEN 1 = 0 END)", name=op.f('ck_records_end_date_format')),
    sa.CheckConstraint("CASE WHEN length(date_earliest) = 10 AND substr(date_earliest, 5, 1) = '-' AND substr(date_earliest, 8, 1) = '-' AND trim(replace(date_earliest, '-', ''), '0123456789') = '' THEN substr(date_earliest, 6, 2) BETWEEN '01' AND '12' AND substr(date_earliest, 9, 2) BETWEEN '01' AND (CASE WHEN substr(date_earliest, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(date_earliest, 6, 2) = '02' THEN CASE WHEN (CAST(substr(date_earliest, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(date_earliest, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(date_earliest, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN date_earliest IS NOT NULL THEN 1 = 0 END", name=op.f('ck_records_date_earliest_day')),
    sa.CheckConstraint("CASE WHEN length(date_latest) = 10 AND substr(date_latest, 5, 1) = '-' AND substr(date_latest, 8, 1) = '-' AND trim(replace(date_latest, '-', ''), '0123456789') = '' THEN substr(date_latest, 6, 2) BETWEEN '01' AND '12' AND substr(date_latest, 9, 2) BETWEEN '01' AND (CASE WHEN substr(date_latest, 6, 2) IN ('04', '06', '09', '11') THEN '30' WHEN substr(date_latest, 6, 2) = '02' THEN CASE WHEN (CAST(substr(date_latest, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(date_latest, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(date_latest, 1, 4) AS INTEGER) % 400 = 0)) THEN '29' ELSE '28' END ELSE '31' END) WHEN date_latest IS NOT NULL THEN 1 = 0 END", name=op.f('ck_records_date_latest_day')),
    sa.CheckConstraint("category IN ('diplomacy', 'regional_security', 'counter_terrorism', 'defence', 'defence_industry', 'cyber_security', 'narcotics', 'connectivity', 'trade', 'digital_payments', 'critical_minerals', 'education', 'health', 'technology')", name=op.f('ck_records_category')),
    sa.CheckConstraint("date_basis IN ('stated', 'inferred')", name=op.f('ck_records_date_basis')),
    sa.CheckConstraint("date_precision = 'unknown' OR date_basis IS NOT NULL", name=op.f('ck_records_dated_has_basis')),
    sa.CheckConstraint("date_precision IN ('day', 'month', 'year', 'unknown')", name=op.f('ck_records_date_precision')),
    sa.CheckConstraint("end_date_precision IN ('day', 'month', 'year')", name=op.f('ck_records_end_date_precision')),
    sa.CheckConstraint("kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility', 'activity')", name=op.f('ck_records_kind')),
    sa.CheckConstraint("record_id <> '' AND trim(record_id, 'abcdefghijklmnopqrstuvwxyz0123456789-') = ''", name=op.f('ck_records_record_id_slug')),
    sa.CheckConstraint("review_status IN ('reviewed', 'needs_review', 'machine_suggested')", name=op.f('ck_records_review_status')),
    sa.CheckConstraint("status IN ('held', 'planned', 'proposed', 'offered', 'agreed', 'signed', 'in_force', 'ongoing', 'completed', 'operational', 'unused', 'closed', 'rumoured')", name=op.f('ck_records_status')),
    sa.CheckConstraint('date_earliest <= date_latest', name=op.f('ck_records_date_order')),
    sa.CheckConstraint('edition IS NULL OR (edition > 0 AND series_id IS NOT NULL)', name=op.f('ck_records_edition_in_series')),
    sa.CheckConstraint('month IS NULL OR month = substr(date, 1, 7)', name=op.f('ck_records_month_matches_date')),
    sa.CheckConstraint('year IS NULL OR year = CAST(substr(date, 1, 4) AS INTEGER)', name=op.f('ck_records_year_matches_date')),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], name=op.f('fk_records_place_id_places')),
    sa.ForeignKeyConstraint(['series_id'], ['series.series_id'], name=op.f('fk_records_series_id_series')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_records')),
    sa.UniqueConstraint('record_id', 'kind', name=op.f('uq_records_record_id_kind'))
    )
    op.create_index(op.f('ix_records_category'), 'records', ['category'], unique=False)
    op.create_index(op.f('ix_records_date_earliest'), 'records', ['date_earliest'], unique=False)
    op.create_index(op.f('ix_records_date_precision'), 'records', ['date_precision'], unique=False)
    op.create_index(op.f('ix_records_kind'), 'records', ['kind'], unique=False)
    op.create_index(op.f('ix_records_place_id'), 'records', ['place_id'], unique=False)
    op.create_index(op.f('ix_records_review_status'), 'records', ['review_status'], unique=False)
    op.create_index(op.f('ix_records_series_id'), 'records', ['series_id'], unique=False)
    op.create_index(op.f('ix_records_status'), 'records', ['status'], unique=False)
    op.create_index(op.f('ix_records_year'), 'records', ['year'], unique=False)
    op.create_table('activities',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='activity', nullable=False),
    sa.Column('activity_type', sa.Text(), nullable=False),
    sa.CheckConstraint("activity_type IN ('alliance_activation', 'deployment', 'training_programme')", name=op.f('ck_activities_activity_type')),
    sa.CheckConstraint("kind = 'activity'", name=op.f('ck_activities_kind_fixed')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_activities_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_activities'))
    )
    op.create_index(op.f('ix_activities_activity_type'), 'activities', ['activity_type'], unique=False)
    op.create_table('conflict_records',
    sa.Column('conflict_id', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflicts.conflict_id'], name=op.f('fk_conflict_records_conflict_id_conflicts')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_conflict_records_record_id_records')),
    sa.PrimaryKeyConstraint('conflict_id', 'record_id', name=op.f('pk_conflict_records'))
    )
    op.create_index(op.f('ix_conflict_records_record_id'), 'conflict_records', ['record_id'], unique=False)
    op.create_table('drafts',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('drafter', sa.Text(), nullable=False),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_drafts_confidence_range')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_drafts_document_id_documents')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_drafts_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_drafts'))
    )
    op.create_index(op.f('ix_drafts_document_id'), 'drafts', ['document_id'], unique=False)
    op.create_table('evidence',
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('suggested', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.CheckConstraint('suggested IN (0, 1)', name=op.f('ck_evidence_suggested_bool')),
    sa.CheckConstraint('char_start >= 0 AND char_end > char_start', name=op.f('ck_evidence_offsets_order')),
    sa.CheckConstraint('length(quote) = char_end - char_start', name=op.f('ck_evidence_quote_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_evidence_document_id_documents')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_evidence_record_id_records')),
    sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('record_id', 'document_id', 'char_start', 'char_end', name=op.f('uq_evidence_record_id_document_id_char_start_char_end'))
    )
    op.create_index(op.f('ix_evidence_document_id'), 'evidence', ['document_id'], unique=False)
    op.create_index(op.f('ix_evidence_record_id'), 'evidence', ['record_id'], unique=False)
    op.create_table('exercises',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='exercise', nullable=False),
    sa.Column('exercise_name', sa.Text(), nullable=True),
    sa.Column('format', sa.Text(), nullable=False),
    sa.Column('frequency', sa.Text(), nullable=False),
    sa.CheckConstraint("format IN ('bilateral', 'trilateral', 'multilateral')", name=op.f('ck_exercises_format')),
    sa.CheckConstraint("frequency IN ('annual', 'irregular', 'one_off', 'unknown')", name=op.f('ck_exercises_frequency')),
    sa.CheckConstraint("kind = 'exercise'", name=op.f('ck_exercises_kind_fixed')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_exercises_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_exercises'))
    )
    op.create_table('facilities',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='facility', nullable=False),
    sa.Column('facility_type', sa.Text(), nullable=False),
    sa.CheckConstraint("facility_type IN ('air_base', 'military_base', 'military_hospital', 'port_terminal')", name=op.f('ck_facilities_facility_type')),
    sa.CheckConstraint("kind = 'facility'", name=op.f('ck_facilities_kind_fixed')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_facilities_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_facilities'))
    )
    op.create_index(op.f('ix_facilities_facility_type'), 'facilities', ['facility_type'], unique=False)
    op.create_table('meetings',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='meeting', nullable=False),
    sa.Column('meeting_level', sa.Text(), nullable=False),
    sa.Column('format', sa.Text(), nullable=False),
    sa.Column('mode', sa.Text(), nullable=False),
    sa.Column('sidelines_of', sa.Text(), nullable=True),
    sa.CheckConstraint("format IN ('bilateral', 'trilateral', 'multilateral')", name=op.f('ck_meetings_format')),
    sa.CheckConstraint("kind = 'meeting'", name=op.f('ck_meetings_kind_fixed')),
    sa.CheckConstraint("meeting_level IN ('heads_of_state', 'ministerial', 'security_advisers', 'senior_officials', 'business', 'unknown')", name=op.f('ck_meetings_meeting_level')),
    sa.CheckConstraint("mode IN ('in_person', 'virtual', 'unknown')", name=op.f('ck_meetings_mode')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_meetings_record_id_kind_records')),
    sa.ForeignKeyConstraint(['sidelines_of'], ['meetings.record_id'], name=op.f('fk_meetings_sidelines_of_meetings')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_meetings'))
    )
    op.create_index(op.f('ix_meetings_meeting_level'), 'meetings', ['meeting_level'], unique=False)
    op.create_index(op.f('ix_meetings_sidelines_of'), 'meetings', ['sidelines_of'], unique=False)
    op.create_table('record_countries',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('iso3', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject', 'framework')", name=op.f('ck_record_countries_role')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_record_countries_iso3_countries')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_countries_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'iso3', 'role', name=op.f('pk_record_countries'))
    )
    op.create_index(op.f('ix_record_countries_iso3'), 'record_countries', ['iso3'], unique=False)
    op.create_table('record_organizations',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('org_id', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject', 'framework')", name=op.f('ck_record_organizations_role')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_record_organizations_org_id_organizations')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_organizations_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'org_id', 'role', name=op.f('pk_record_organizations'))
    )
    op.create_index(op.f('ix_record_organizations_org_id'), 'record_organizations', ['org_id'], unique=False)
    op.create_table('record_people',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('person_id', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("role IN ('host', 'chair', 'participant', 'organizer', 'proposer', 'target', 'party', 'member', 'prospective_member', 'observer', 'operator', 'funder', 'subject', 'framework')", name=op.f('ck_record_people_role')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_record_people_person_id_people')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_people_record_id_records')),
    sa.PrimaryKeyConstraint('record_id', 'person_id', 'role', name=op.f('pk_record_people'))
    )
    op.create_index(op.f('ix_record_people_person_id'), 'record_people', ['person_id'], unique=False)
    op.create_table('agreements',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='agreement', nullable=False),
    sa.Column('agreement_type', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=True),
    sa.CheckConstraint("agreement_type IN ('strategic_partnership', 'membership', 'dialogue_format', 'framework', 'military_pact', 'working_group', 'understanding', 'cooperation_programme')", name=op.f('ck_agreements_agreement_type')),
    sa.CheckConstraint("kind = 'agreement'", name=op.f('ck_agreements_kind_fixed')),
    sa.ForeignKeyConstraint(['made_at'], ['meetings.record_id'], name=op.f('fk_agreements_made_at_meetings')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_agreements_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_agreements'))
    )
    op.create_index(op.f('ix_agreements_agreement_type'), 'agreements', ['agreement_type'], unique=False)
    op.create_index(op.f('ix_agreements_made_at'), 'agreements', ['made_at'], unique=False)
    op.create_table('draft_notes',
    sa.Column('draft_note_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('field', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['drafts.record_id'], name=op.f('fk_draft_notes_record_id_drafts')),
    sa.PrimaryKeyConstraint('draft_note_id', name=op.f('pk_draft_notes'))
    )
    op.create_index(op.f('ix_draft_notes_record_id'), 'draft_notes', ['record_id'], unique=False)
    op.create_table('figures',
    sa.Column('figure_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('approximate', sa.Integer(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('approximate IN (0, 1)', name=op.f('ck_figures_approximate_bool')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.evidence_id'], name=op.f('fk_figures_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_figures_record_id_records')),
    sa.PrimaryKeyConstraint('figure_id', name=op.f('pk_figures')),
    sa.UniqueConstraint('record_id', 'label', name=op.f('uq_figures_record_id_label'))
    )
    op.create_index(op.f('ix_figures_evidence_id'), 'figures', ['evidence_id'], unique=False)
    op.create_index(op.f('ix_figures_record_id'), 'figures', ['record_id'], unique=False)
    op.create_table('proposals',
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='proposal', nullable=False),
    sa.Column('proposal_type', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=True),
    sa.CheckConstraint("kind = 'proposal'", name=op.f('ck_proposals_kind_fixed')),
    sa.CheckConstraint("proposal_type IN ('offer', 'proposal', 'invitation', 'request')", name=op.f('ck_proposals_proposal_type')),
    sa.ForeignKeyConstraint(['made_at'], ['meetings.record_id'], name=op.f('fk_proposals_made_at_meetings')),
    sa.ForeignKeyConstraint(['record_id', 'kind'], ['records.record_id', 'records.kind'], name=op.f('fk_proposals_record_id_kind_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_proposals'))
    )
    op.create_index(op.f('ix_proposals_made_at'), 'proposals', ['made_at'], unique=False)
    op.create_index(op.f('ix_proposals_proposal_type'), 'proposals', ['proposal_type'], unique=False)
    create_search_indexes()


def downgrade() -> None:
    # (a table's indexes go with it)
    drop_search_indexes()
    op.drop_table('proposals')
    op.drop_table('figures')
    op.drop_table('draft_notes')
    op.drop_table('agreements')
    op.drop_table('record_people')
    op.drop_table('record_organizations')
    op.drop_table('record_countries')
    op.drop_table('meetings')
    op.drop_table('facilities')
    op.drop_table('exercises')
    op.drop_table('evidence')
    op.drop_table('drafts')
    op.drop_table('conflict_records')
    op.drop_table('activities')
    op.drop_table('records')
    op.drop_table('mentions')
    op.drop_table('aliases')
    op.drop_table('sentences')
    op.drop_table('places')
    op.drop_table('people')
    op.drop_table('organizations')
    op.drop_table('coverage_skips')
    op.drop_table('conflict_quotes')
    op.drop_table('series')
    op.drop_table('documents')
    op.drop_table('countries')
    op.drop_table('conflicts')
    op.drop_table('build_info')
