"""investigation: canvass list, case map, search tasks, evidence requests, evidence details,
camera field of view and retention

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 05:49:20.859488
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.types


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('case_camera',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('status_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], name=op.f('fk_case_camera_camera_id_camera'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_camera_case_id_case_file'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_camera')),
    sa.UniqueConstraint('case_id', 'camera_id', name=op.f('uq_case_camera_case_id'))
    )
    with op.batch_alter_table('case_camera', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_camera_camera_id'), ['camera_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_camera_case_id'), ['case_id'], unique=False)

    op.create_table('case_map',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=False),
    sa.Column('image_name', sa.String(length=255), nullable=False),
    sa.Column('points_json', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_map_case_id_case_file'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_map')),
    sa.UniqueConstraint('case_id', name=op.f('uq_case_map_case_id'))
    )
    op.create_table('evidence_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('doc_no', sa.String(length=64), nullable=False),
    sa.Column('issued_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('handed_over_at', app.models.types.UTCDateTime(), nullable=True),
    sa.Column('handed_to', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], name=op.f('fk_evidence_request_camera_id_camera'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_evidence_request_case_id_case_file'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_evidence_request_issued_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_request'))
    )
    with op.batch_alter_table('evidence_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_request_case_id'), ['case_id'], unique=False)

    op.create_table('evidence_detail',
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('taken_at', app.models.types.UTCDateTime(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('person', sa.String(length=64), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_item.id'], name=op.f('fk_evidence_detail_evidence_id_evidence_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_evidence_detail'))
    )
    op.create_table('search_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('area_json', sa.Text(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=True),
    sa.Column('trigger_event_id', sa.Integer(), nullable=True),
    sa.Column('found_event_id', sa.Integer(), nullable=True),
    sa.Column('started_at', app.models.types.UTCDateTime(), nullable=True),
    sa.Column('finished_at', app.models.types.UTCDateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['officer.id'], name=op.f('fk_search_task_assignee_id_officer'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_search_task_case_id_case_file'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_search_task_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['found_event_id'], ['timeline_event.id'], name=op.f('fk_search_task_found_event_id_timeline_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiry.id'], name=op.f('fk_search_task_inquiry_id_inquiry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trigger_event_id'], ['timeline_event.id'], name=op.f('fk_search_task_trigger_event_id_timeline_event'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_task'))
    )
    with op.batch_alter_table('search_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_task_case_id'), ['case_id'], unique=False)

    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fov_deg', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('view_m', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('retention_days', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.drop_column('retention_days')
        batch_op.drop_column('view_m')
        batch_op.drop_column('fov_deg')

    with op.batch_alter_table('search_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_task_case_id'))

    op.drop_table('search_task')
    op.drop_table('evidence_detail')
    with op.batch_alter_table('evidence_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_request_case_id'))

    op.drop_table('evidence_request')
    op.drop_table('case_map')
    with op.batch_alter_table('case_camera', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_camera_case_id'))
        batch_op.drop_index(batch_op.f('ix_case_camera_camera_id'))

    op.drop_table('case_camera')
