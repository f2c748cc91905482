"""evidence segments: per-recording camera-clock starts of joined exports

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('segments_json', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.drop_column('segments_json')
