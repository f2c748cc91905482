"""squad time zone: the default zone of the squad's new cases and multi-case views

Revision ID: 0008
Revises: 0007
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('squad', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tz', sa.String(length=40), nullable=False,
                                      server_default='Asia/Shanghai'))


def downgrade() -> None:
    with op.batch_alter_table('squad', schema=None) as batch_op:
        batch_op.drop_column('tz')
