"""What the change feed, the event streams, histories and pruning read stays an index
lookup, so they stay fast as the tables grow (plans checked on empty tables with
sequential scans forbidden, where PostgreSQL would otherwise scan whatever the indexes)."""

from __future__ import annotations

import pytest

from advocate_console.central.core.database import make_engine

CUSTOMER = "5f1c2a8e-0b1d-4c3e-9a57-6d2e8f4b1001"
QUERIES = {
    "feed page": "SELECT cursor, data FROM changes WHERE cursor > 1000 ORDER BY cursor LIMIT 5001",
    "feed head": "SELECT max(cursor) FROM changes",
    "a stream's events": "SELECT id, event, data FROM events WHERE user_id = '"
    + CUSTOMER
    + "' AND (xid, id) > (5, 7) ORDER BY xid, id LIMIT 100",
    "history: interactions": f"SELECT data FROM interactions WHERE customer_id = '{CUSTOMER}'",
    "history: resolutions": "SELECT resolutions.data FROM resolutions JOIN cases ON cases.id ="
    f" resolutions.case_id WHERE cases.customer_id = '{CUSTOMER}'",
    "pruning idempotency keys": "SELECT key FROM idempotency_keys WHERE created_at < '2020-01-01'",
    "pruning events": "SELECT id FROM events WHERE created_at < '2020-01-01'",
}


@pytest.mark.parametrize("query", QUERIES)
def test_it_is_served_by_an_index(database_url, query):
    engine = make_engine(database_url)
    sql = QUERIES[query]
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sql = sql.replace("'" + CUSTOMER + "'", "X'" + CUSTOMER.replace("-", "") + "'")
            plan = " ".join(
                str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
            )
            assert "SCAN" not in plan.replace("SCAN CONSTANT", "") or "INDEX" in plan, plan
        else:
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql))
            assert "Seq Scan" not in plan, plan
    engine.dispose()
