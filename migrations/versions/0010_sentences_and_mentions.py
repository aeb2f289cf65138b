"""sentences and mentions

Every document split into sentences (with offsets and the cooperation terms
each uses), every mention of a country, organisation, person or series, and a
full-text index on the sentences.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sentences',
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('cooperation_terms', pgsql.json_type(), nullable=False),
    sa.CheckConstraint(pgsql.sql('char_start >= 0 AND char_end > char_start'), name=op.f('ck_sentences_offsets_order')),
    sa.CheckConstraint(pgsql.sql('json_valid(cooperation_terms)'), name=op.f('ck_sentences_cooperation_terms_json')),
    sa.CheckConstraint(pgsql.sql('length(text) = char_end - char_start'), name=op.f('ck_sentences_text_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_sentences_document_id_documents')),
    sa.PrimaryKeyConstraint('sentence_id', name=op.f('pk_sentences')),
    sa.UniqueConstraint('document_id', 'position', name=op.f('uq_sentences_document_id_position'))
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentences_document_id'), ['document_id'], unique=False)

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
    sa.CheckConstraint(pgsql.sql("(entity_type = 'country') = (iso3 IS NOT NULL) AND (entity_type = 'organization') = (org_id IS NOT NULL) AND (entity_type = 'person') = (person_id IS NOT NULL) AND (entity_type = 'series') = (series_id IS NOT NULL)"), name=op.f('ck_mentions_one_entity')),
    sa.CheckConstraint(pgsql.sql("entity_type IN ('country', 'organization', 'person', 'series')"), name=op.f('ck_mentions_entity_type')),
    sa.CheckConstraint(pgsql.sql('char_start >= 0 AND char_end > char_start'), name=op.f('ck_mentions_offsets_order')),
    sa.CheckConstraint(pgsql.sql('length(surface) = char_end - char_start'), name=op.f('ck_mentions_surface_length_matches_offsets')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.document_id'], name=op.f('fk_mentions_document_id_documents')),
    sa.ForeignKeyConstraint(['iso3'], ['countries.iso3'], name=op.f('fk_mentions_iso3_countries')),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.org_id'], name=op.f('fk_mentions_org_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.person_id'], name=op.f('fk_mentions_person_id_people')),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.sentence_id'], name=op.f('fk_mentions_sentence_id_sentences')),
    sa.ForeignKeyConstraint(['series_id'], ['series.series_id'], name=op.f('fk_mentions_series_id_series')),
    sa.PrimaryKeyConstraint('mention_id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_entity_type'), ['entity_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_iso3'), ['iso3'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_sentence_id'), ['sentence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_series_id'), ['series_id'], unique=False)

    if pgsql.dialect() != "sqlite":  # a search table, as revision 0007 makes them
        fts = op.get_context().script.get_revision("0007").module
        fts.create_search_table("sentences_fts", "sentences", "sentence_id", sa.Integer, "text")
        return
    op.execute('CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content="sentences", '
               'content_rowid="sentence_id", tokenize="porter unicode61 remove_diacritics 2")')
    op.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if pgsql.dialect() != "sqlite":
        op.drop_index(op.f("ix_sentences_fts_search"), table_name="sentences_fts")
        op.drop_table("sentences_fts")
    else:
        op.execute('DROP TABLE sentences_fts')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_series_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_sentence_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_org_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_iso3'))
        batch_op.drop_index(batch_op.f('ix_mentions_entity_type'))
        batch_op.drop_index(batch_op.f('ix_mentions_document_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sentences_document_id'))

    op.drop_table('sentences')
