"""Suggested remedies from the local store: what worked before, and the rules file.

What each resolution did is kept by product model, kind of product and problem in
``remedy_outcomes`` (derived from the resolutions, their cases and products), so one
model's past is grouped by SQLite from an index in a few milliseconds however big the
replica. The table is brought up to date before each read: resolutions written since
(by a pull or a save) are added, those whose case or product had not arrived yet are
done again, and a replica emptied or thinned is followed by a rebuild.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from advocate_console.domain import Case, Delight, History, RemedyKind
from advocate_console.domain.authority import Authority
from advocate_console.domain.resolutions import RemedyEntry
from advocate_console.domain.suggestion_rules import RuleBook, RuleProblem, read_rules
from advocate_console.domain.suggestions import (
    CaseFacts,
    PastRemedy,
    Suggestion,
    case_facts,
    problem_of,
    rank_past,
    remedy_key,
    suggest,
)
from advocate_console.domain.warranty import warranty_status
from advocate_console.paths import resource_dir

from .database import Store

log = logging.getLogger(__name__)

RULES_FILE = "remedy_rules.toml"
_WATERMARK = "remedy_outcomes.rowid"
_READ_AT_ONCE = 500
_GROUPS_READ = 6  # remedy sets whose amounts are read (the best after ranking)
_EXAMPLES = 200  # resolutions a set's typical amounts are taken from
_ONE_AT_A_TIME = threading.Lock()  # the derivation, across the advisors of the process


def read_rule_file(path: Path | None = None) -> RuleBook:
    """The rules of ``path`` (``resources/remedy_rules.toml``); a file that cannot be read
    is a problem of the book, never an exception."""
    path = path or resource_dir() / RULES_FILE
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return RuleBook(problems=(RuleProblem(str(path), None, "", f"cannot be read: {error}"),))
    book = read_rules(content, str(path))
    for problem in book.problems:
        log.warning("Suggestion rules not used: %s", problem)
    return book


class RemedyAdvisor:
    """Suggestions for a case from the local store, the rules and the advocate's authority."""

    def __init__(
        self,
        store: Store,
        book: RuleBook | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self._book = book
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def book(self) -> RuleBook:
        """The rules, read from the file at first use (on the worker asking for them)."""
        if self._book is None:
            self._book = read_rule_file()
        return self._book

    def warm(self) -> int:
        """Bring the remedy outcomes up to date now (at start-up, on a worker), so the first
        call's suggestions do not wait for a store's whole history; returns those written."""
        return refresh(self._store.engine)

    def suggestions(
        self,
        history: History,
        case: Case,
        limit_cents: int | None = None,
        authority: Authority | None = None,
    ) -> list[Suggestion]:
        """Up to three suggestions for ``case`` (see :func:`~advocate_console.domain.
        suggestions.suggest`); ``limit_cents`` is the advocate's authority per case, and
        ``authority`` all of it, when known."""
        facts = case_facts(history, case, self._clock().date())
        return suggest(facts, self.book, self.past(facts), limit_cents, authority=authority)

    def past(self, facts: CaseFacts) -> list[PastRemedy]:
        """How each set of remedies did for the same model and problem (else the same kind
        of product and problem), best first."""
        refresh(self._store.engine)
        with self._store.engine.connect() as connection:
            for column, value in (("product_model", facts.model), ("product_kind", facts.kind)):
                if value:
                    found = _grouped(connection, column, value, facts.problem)
                    if found:
                        return found
        return []


def _grouped(connection: Connection, column: str, value: str, problem: str) -> list[PastRemedy]:
    rows = connection.execute(
        text(
            f"SELECT remedy_key, count(*), sum(delight = :delighted), avg(cost_cents) "
            f"FROM remedy_outcomes WHERE {column} = :value AND problem = :problem "
            "GROUP BY remedy_key"
        ),
        {"delighted": Delight.DELIGHTED.value, "value": value, "problem": problem},
    ).all()
    groups = [
        PastRemedy(key, (), uses, delighted, round(cost), value, column == "product_model")
        for key, uses, delighted, cost in rows
    ]
    best = rank_past(groups)[:_GROUPS_READ]
    return [_with_amounts(connection, column, value, problem, item) for item in best]


def _with_amounts(
    connection: Connection, column: str, value: str, problem: str, item: PastRemedy
) -> PastRemedy:
    """The set's remedies with their typical amounts (the average of each)."""
    rows = connection.execute(
        text(
            f"SELECT remedies FROM remedy_outcomes WHERE {column} = :value "
            "AND problem = :problem AND remedy_key = :key LIMIT :most"
        ),
        {"value": value, "problem": problem, "key": item.key, "most": _EXAMPLES},
    ).scalars()
    costs: dict[str, list[int]] = defaultdict(list)
    values: dict[str, list[int]] = defaultdict(list)
    notes: dict[str, Counter[str]] = defaultdict(Counter)
    months: dict[str, int] = {}
    for remedies in rows:
        for remedy in json.loads(remedies):
            kind = remedy["kind"]
            costs[kind].append(remedy.get("cost_cents") or 0)
            if remedy.get("value_cents"):
                values[kind].append(remedy["value_cents"])
            if remedy.get("note"):
                notes[kind][remedy["note"]] += 1
            if remedy.get("months"):
                months[kind] = remedy["months"]
    entries = tuple(
        RemedyEntry(
            kind=RemedyKind(kind),
            cost_cents=_mean(costs[kind]) or None,
            months=months.get(kind),
            value_cents=_mean(values[kind]) or None,
            note=notes[kind].most_common(1)[0][0] if notes[kind] else "",
        )
        for kind in sorted(costs, key=lambda k: list(RemedyKind).index(RemedyKind(k)))
    )
    return PastRemedy(
        item.key,
        entries,
        item.uses,
        item.delighted,
        item.average_cost_cents,
        item.matched_on,
        item.by_model,
    )


def _mean(amounts: list[int]) -> int:
    """The average in whole dollars (an average to the cent is a precision nobody has)."""
    return round(sum(amounts) / len(amounts) / 100) * 100 if amounts else 0


# -- keeping remedy_outcomes up to date ---------------------------------------------------


def refresh(engine: Engine, *, afresh: bool = False) -> int:
    """Bring ``remedy_outcomes`` up to date with the replica (``afresh``: derive every one
    again); returns the outcomes written.

    One at a time in the process, and a short transaction per 500 resolutions: a sync
    writing meanwhile waits a moment, never the whole derivation of a big store, and
    every read is finished before its write begins (a write after a read of an older
    snapshot would be refused at once as "database is locked")."""
    with _ONE_AT_A_TIME:
        with engine.begin() as connection:
            mark = connection.exec_driver_sql(
                "SELECT value FROM sync_state WHERE key = ?", (_WATERMARK,)
            ).scalar()
            seen = int(mark) if mark else 0
            newest, stored = connection.exec_driver_sql(
                "SELECT coalesce(max(rowid), 0), count(*) FROM resolutions"
            ).one()
            derived = connection.exec_driver_sql("SELECT count(*) FROM remedy_outcomes").scalar()
            if afresh or newest < seen or derived > stored:  # emptied or thinned: start again
                connection.exec_driver_sql("DELETE FROM remedy_outcomes")
                seen = 0
                _set_mark(connection, 0)
        written = 0
        while seen < newest:
            with engine.begin() as connection:
                chunk = connection.exec_driver_sql(
                    "SELECT rowid, data FROM resolutions WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (seen, _READ_AT_ONCE),
                ).all()
                if not chunk:
                    break
                written += _write(connection, [json.loads(data) for _, data in chunk])
                seen = chunk[-1][0]
                _set_mark(connection, seen)
        with engine.begin() as connection:
            waiting = (
                connection.exec_driver_sql(
                    "SELECT r.data FROM remedy_outcomes o JOIN resolutions r "
                    "ON r.id = o.resolution_id WHERE o.complete = 0"
                )
                .scalars()
                .all()
            )
            for start in range(0, len(waiting), _READ_AT_ONCE):
                batch = waiting[start : start + _READ_AT_ONCE]
                written += _write(connection, [json.loads(data) for data in batch])
        return written


def _write(connection: Connection, resolutions: list[dict[str, Any]]) -> int:
    cases = _by_id(connection, "cases", {r["case_id"] for r in resolutions})
    product_ids = {c["product_id"] for c in cases.values() if c.get("product_id")}
    products = _by_id(connection, "products", product_ids)
    rows = []
    for resolution in resolutions:
        case = cases.get(resolution["case_id"])
        product = products.get(case["product_id"]) if case and case.get("product_id") else None
        remedies = resolution.get("remedies", [])
        entries = [RemedyEntry.model_validate(remedy) for remedy in remedies]
        rows.append(
            {
                "id": uuid.UUID(resolution["id"]).hex,
                "model": product["model_number"].upper() if product else "",
                "kind": (product["name"].split() or [""])[-1].casefold() if product else "",
                "problem": _problem(case, product),
                "key": remedy_key(entries),
                "remedies": json.dumps(remedies),
                "delight": resolution.get("delight", ""),
                "cost": sum(remedy.get("cost_cents") or 0 for remedy in remedies),
                # Without a product (a billing case) there is no model to wait for.
                "complete": case is not None
                and (product is not None or not case.get("product_id")),
            }
        )
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO remedy_outcomes (resolution_id, product_model, product_kind, "
        "problem, remedy_key, remedies, delight, cost_cents, complete) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [tuple(row.values()) for row in rows],
    )
    return len(rows)


def _problem(case: dict[str, Any] | None, product: dict[str, Any] | None) -> str:
    """The case's problem, with where the warranty stood on the day it was opened."""
    if case is None:
        return ""
    end = product.get("warranty_end") if product else None
    opened = date.fromisoformat(case["opened_at"][:10])
    return problem_of(
        case["category"], warranty_status(date.fromisoformat(end) if end else None, opened).state
    )


def _by_id(connection: Connection, table: str, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Records of ``table`` by their id as the JSON spells it (with dashes)."""
    found: dict[str, dict[str, Any]] = {}
    hexes = [uuid.UUID(i).hex for i in ids]
    for start in range(0, len(hexes), _READ_AT_ONCE):
        chunk = tuple(hexes[start : start + _READ_AT_ONCE])
        # Straight to the driver: SQLAlchemy's text() would parse 500 named parameters.
        rows = connection.exec_driver_sql(
            f"SELECT data FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        )
        for (data,) in rows:
            record = json.loads(data)
            found[record["id"]] = record
    return found


def _set_mark(connection: Connection, rowid: int) -> None:
    connection.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_WATERMARK, str(rowid)),
    )


__all__ = ["RemedyAdvisor", "read_rule_file", "refresh"]
