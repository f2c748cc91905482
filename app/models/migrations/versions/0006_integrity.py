"""integrity: signed audit rows, signer registry, chain id, login throttle, CLI tokens;
append-only audit log on PostgreSQL

Revision ID: 0006
Revises: 0005
"""
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.types

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PG_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION casedesk_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION casedesk_audit_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
"""


def upgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_id', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('signature', sa.String(length=128), nullable=True))
    with op.batch_alter_table('audit_head', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chain_id', sa.String(length=36), nullable=True))
    op.execute(sa.text("UPDATE audit_head SET chain_id = :c").bindparams(c=str(uuid.uuid4())))
    op.create_table('audit_signer',
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('registered_at', app.models.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_audit_signer'))
    )
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('next_allowed_at', app.models.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('expires_at', app.models.types.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', app.models.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                            name=op.f('fk_api_token_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_api_token_token_sha256'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_PG_APPEND_ONLY)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS casedesk_audit_append_only()")
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))
    op.drop_table('api_token')
    op.drop_table('login_throttle')
    op.drop_table('audit_signer')
    with op.batch_alter_table('audit_head', schema=None) as batch_op:
        batch_op.drop_column('chain_id')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('signature')
        batch_op.drop_column('key_id')
