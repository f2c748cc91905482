"""evidence derivation: a readable copy made from a recording kept as received

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived_from_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('derivation_json', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_evidence_item_derived_from_id'),
                              ['derived_from_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_evidence_item_derived_from_id_evidence_item'),
                                    'evidence_item', ['derived_from_id'], ['id'],
                                    ondelete='RESTRICT')


def downgrade() -> None:
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_evidence_item_derived_from_id_evidence_item'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_evidence_item_derived_from_id'))
        batch_op.drop_column('derivation_json')
        batch_op.drop_column('derived_from_id')
