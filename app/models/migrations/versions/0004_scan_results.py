"""stored activity scans of evidence clips

Revision ID: 0004
Revises: 0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.types

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'evidence_scan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('evidence_id', sa.Integer(), nullable=False),
        sa.Column('method', sa.String(length=16), nullable=False),
        sa.Column('roi_json', sa.Text(), nullable=False),
        sa.Column('params_json', sa.Text(), nullable=False),
        sa.Column('result_json', sa.Text(), nullable=False),
        sa.Column('segments', sa.Integer(), nullable=False),
        sa.Column('frames_decoded', sa.Integer(), nullable=False),
        sa.Column('wall_s', sa.Float(), nullable=False),
        sa.Column('scanned_at', app.models.types.UTCDateTime(), nullable=False),
        sa.Column('scanned_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['evidence_id'], ['evidence_item.id'],
                                name=op.f('fk_evidence_scan_evidence_id_evidence_item'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['scanned_by_id'], ['user_account.id'],
                                name=op.f('fk_evidence_scan_scanned_by_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_scan')),
    )
    with op.batch_alter_table('evidence_scan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_scan_evidence_id'), ['evidence_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evidence_scan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_scan_evidence_id'))
    op.drop_table('evidence_scan')
