"""build_info: the data version of a build

One row per database: the content hash of the seeds and the schema revision
that together identify the data, so a notebook or an extract can cite it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('build_info',
    sa.Column('data_version', sa.Text(), nullable=False),
    sa.Column('schema_revision', sa.Text(), nullable=False),
    sa.Column('seeds_sha256', sa.Text(), nullable=False),
    sa.Column('icadb_version', sa.Text(), nullable=False),
    sa.CheckConstraint('length(seeds_sha256) = 64', name=op.f('ck_build_info_seeds_sha256_length')),
    sa.PrimaryKeyConstraint('data_version', name=op.f('pk_build_info'))
    )


def downgrade() -> None:
    op.drop_table('build_info')
