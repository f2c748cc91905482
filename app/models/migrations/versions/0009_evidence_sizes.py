"""evidence picture sizes: where a file's picture size changes mid-export

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sizes_json', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.drop_column('sizes_json')
