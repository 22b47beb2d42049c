"""Initial schema: advocates and tokens, records, customer lookups, change feed, idempotency.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Written out here rather than imported from the models: a migration is frozen in time.
NAME_KEY = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")
CURSOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _record_table(name: str, *extra: sa.SchemaItem) -> None:
    op.create_table(
        name, *extra, *_record_columns(), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}"))
    )


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def _lookup_table(name: str, key: str, key_type: sa.types.TypeEngine) -> None:
    op.create_table(
        name,
        sa.Column(key, key_type, nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        _fk("customer_id", name, "customers"),
        sa.PrimaryKeyConstraint(key, "customer_id", name=op.f(f"pk_{name}")),
    )
    _index(name, "customer_id")


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "advocates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advocates")),
        sa.UniqueConstraint("username", name=op.f("uq_advocates_username")),
    )
    op.create_table(
        "tokens",
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("advocate_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        _fk("advocate_id", "tokens", "advocates"),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_tokens")),
    )
    _index("tokens", "advocate_id")
    op.create_table(
        "idempotency_keys",
        sa.Column("advocate_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("etag", sa.String(30), nullable=True),
        sa.Column("location", sa.String(300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("advocate_id", "idempotency_keys", "advocates"),
        sa.PrimaryKeyConstraint("advocate_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_table(
        "changes",
        sa.Column("cursor", CURSOR, autoincrement=True, nullable=False),
        sa.Column("collection", sa.String(20), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("committed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("cursor", name=op.f("pk_changes")),
    )

    _record_table("customers")
    _record_table("resources")
    _lookup_table("customer_phones", "e164", sa.String(40))
    _lookup_table("customer_emails", "email", sa.String(254))
    _lookup_table("customer_name_keys", "name_key", NAME_KEY)
    _record_table(
        "products",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("serial_number", sa.String(60), nullable=False),
        sa.Column("replaced_by_id", sa.Uuid(), nullable=True),
        _fk("customer_id", "products", "customers"),
        _fk("replaced_by_id", "products", "products"),
    )
    _index("products", "customer_id")
    _index("products", "serial_number")
    _record_table(
        "cases",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("number", sa.String(20), nullable=False),
        _fk("customer_id", "cases", "customers"),
        _fk("product_id", "cases", "products"),
    )
    _index("cases", "customer_id")
    _index("cases", "number")
    for table in ("interactions", "follow_ups", "cards"):
        _record_table(
            table,
            sa.Column("customer_id", sa.Uuid(), nullable=False),
            sa.Column("case_id", sa.Uuid(), nullable=True),
            _fk("customer_id", table, "customers"),
            _fk("case_id", table, "cases"),
        )
        _index(table, "customer_id")
    _record_table(
        "resolutions",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        _fk("case_id", "resolutions", "cases"),
    )
    _index("resolutions", "case_id")


def downgrade() -> None:
    """Undo this revision: drop every table, dependants first."""
    for table in (
        "resolutions",
        "cards",
        "follow_ups",
        "interactions",
        "cases",
        "products",
        "customer_name_keys",
        "customer_emails",
        "customer_phones",
        "resources",
        "customers",
        "changes",
        "idempotency_keys",
        "tokens",
        "advocates",
    ):
        op.drop_table(table)
