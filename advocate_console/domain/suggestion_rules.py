"""The business's rules for suggested remedies, read from TOML and checked field by field.

A rule says when it applies (the case's category, the warranty, a repeat failure, words
in what went wrong) and what to offer. A raise says which customers (by tier or lifetime
value) get something more. A file with a mistake is never half used: every problem is
named with its line and field, and the console goes on with no rules from that file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from .enums import CASE_CATEGORIES, RemedyKind, Tier
from .resolutions import RemedyEntry

WARRANTY_STATES = ("expired", "covered", "none")
_RULE_KEYS = {"id", "reason", "reason_in", "when", "remedies"}
_WHEN_KEYS = {"categories", "warranty", "expired_within_days", "repeat_failure", "words"}
_RAISE_KEYS = {"reason", "reason_in", "min_tier", "min_lifetime_value", "add"}
_REMEDY_KEYS = {"kind", "cost", "months", "value", "note"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")

Wordings = tuple[tuple[str, str], ...]
"""A reason in other languages than English: (language, text) pairs, ``("es", "…")``."""


def said_in(english: str, wordings: Wordings, language: str) -> str:
    """The reason in ``language`` when the file gives it, else in English."""
    return dict(wordings).get(language, english)


_SYNTAX_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One mistake in a rules file: where it is (line, field) and what is wrong."""

    source: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass(frozen=True, slots=True)
class RemedyRule:
    """When to suggest a set of remedies, and why."""

    id: str
    reason: str  # English; in other languages in ``reasons``
    remedies: tuple[RemedyEntry, ...]
    categories: frozenset[str] = frozenset()
    warranty: str | None = None  # "expired", "covered" or "none"
    expired_within_days: int | None = None
    repeat_failure: bool | None = None
    words: tuple[str, ...] = ()
    reasons: Wordings = ()


@dataclass(frozen=True, slots=True)
class CustomerRaise:
    """Something more for a customer who has meant more: from a tier, or a lifetime value."""

    reason: str
    add: RemedyEntry
    min_tier: Tier | None = None
    min_lifetime_value_cents: int | None = None
    reasons: Wordings = ()


@dataclass(frozen=True, slots=True)
class RuleBook:
    """The rules and raises of one file, in the file's order (the first matching raise wins)."""

    rules: tuple[RemedyRule, ...] = ()
    raises: tuple[CustomerRaise, ...] = ()
    problems: tuple[RuleProblem, ...] = field(default=())


def read_rules(text: str, source: str = "remedy_rules.toml") -> RuleBook:
    """The rule book of ``text``; with any problem, no rules and every problem named."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _SYNTAX_LINE.search(str(error))
        return RuleBook(
            problems=(RuleProblem(source, int(found.group(1)) if found else None, "", str(error)),)
        )
    reader = _Reader(text, source)
    for key in document:
        if key not in ("rule", "raise"):
            reader.problem(
                None, key, "is not a section of the rules file (use [[rule]] or [[raise]])"
            )
    rules = [reader.rule(n, item) for n, item in enumerate(_tables(reader, document, "rule"))]
    raises = [reader.raise_(n, item) for n, item in enumerate(_tables(reader, document, "raise"))]
    seen: set[str] = set()
    for n, rule in enumerate(rules):
        if rule is not None and rule.id in seen:
            reader.problem(("rule", n), "id", f"“{rule.id}” is used by another rule")
        if rule is not None:
            seen.add(rule.id)
    if reader.problems:
        return RuleBook(problems=tuple(reader.problems))
    return RuleBook(
        rules=tuple(r for r in rules if r is not None),
        raises=tuple(r for r in raises if r is not None),
    )


def _tables(reader: _Reader, document: dict[str, Any], name: str) -> list[dict[str, Any]]:
    items = document.get(name, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        reader.problem(None, name, f"must be written as [[{name}]] tables")
        return []
    return items


class _Reader:
    """Checks one file's tables, collecting its problems with their lines."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.problems: list[RuleProblem] = []

    def problem(self, table: tuple[str, int] | None, key: str, message: str) -> None:
        """Note a problem of ``key`` in the ``table`` (``("rule", 2)``: the third [[rule]])."""
        name = f"{table[0]}[{table[1] + 1}].{key}" if table else key
        self.problems.append(RuleProblem(self.source, self.line_of(table, key), name, message))

    def line_of(self, table: tuple[str, int] | None, key: str) -> int | None:
        """The line of ``key`` in the table (or of the table's header), when it can be found."""
        if table is None:
            return None
        header = re.compile(rf"^\s*\[\[\s*{table[0]}\s*\]\]")
        starts = [n for n, line in enumerate(self.lines) if header.match(line)]
        if table[1] >= len(starts):
            return None
        start = starts[table[1]]
        first = key.split(".")[0].split("[")[0]
        keyed = re.compile(rf"^\s*{re.escape(first)}\s*[.=]")
        for n in range(start + 1, len(self.lines)):
            if self.lines[n].lstrip().startswith("[["):
                break
            if keyed.match(self.lines[n]) or f"{first} =" in self.lines[n]:
                return n + 1
        return start + 1

    def rule(self, n: int, item: dict[str, Any]) -> RemedyRule | None:
        """One [[rule]] table checked, or None when it has problems."""
        where = ("rule", n)
        before = len(self.problems)
        self._unknown(where, item, _RULE_KEYS, "")
        rule_id = item.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            self.problem(where, "id", "is required: lower-case letters, digits and dashes")
        reason = self._text(where, item, "reason", required=True)
        reasons = self._wordings(where, item)
        when = item.get("when", {})
        if not isinstance(when, dict):
            self.problem(where, "when", "must be a table of conditions")
            when = {}
        self._unknown(where, when, _WHEN_KEYS, "when.")
        categories = self._list(where, when, "categories")
        for category in categories:
            if category not in CASE_CATEGORIES:
                self.problem(where, "when.categories", f"“{category}” is not a case category")
        warranty = when.get("warranty")
        if warranty is not None and (
            not isinstance(warranty, str) or warranty not in WARRANTY_STATES
        ):
            self.problem(where, "when.warranty", "must be “expired”, “covered” or “none”")
        within = self._whole(where, when, "expired_within_days", "when.")
        repeat = when.get("repeat_failure")
        if repeat is not None and not isinstance(repeat, bool):
            self.problem(where, "when.repeat_failure", "must be true or false")
        words = self._list(where, when, "words")
        remedies = item.get("remedies")
        entries: list[RemedyEntry] = []
        if not isinstance(remedies, list) or not remedies:
            self.problem(where, "remedies", "needs at least one remedy")
        else:
            for m, remedy in enumerate(remedies):
                entry = self.remedy(where, f"remedies[{m + 1}]", remedy)
                if entry is not None:
                    entries.append(entry)
        if len(self.problems) > before:
            return None
        return RemedyRule(
            id=rule_id,  # type: ignore[arg-type]
            reason=reason,
            remedies=tuple(entries),
            categories=frozenset(categories),
            warranty=warranty,
            expired_within_days=within,
            repeat_failure=repeat,
            words=tuple(word.casefold() for word in words),
            reasons=reasons,
        )

    def raise_(self, n: int, item: dict[str, Any]) -> CustomerRaise | None:
        """One [[raise]] table checked, or None when it has problems."""
        where = ("raise", n)
        before = len(self.problems)
        self._unknown(where, item, _RAISE_KEYS, "")
        reason = self._text(where, item, "reason", required=True)
        reasons = self._wordings(where, item)
        tier = item.get("min_tier")
        if tier is not None and (not isinstance(tier, str) or tier not in set(Tier)):
            self.problem(where, "min_tier", f"must be one of {', '.join(t.value for t in Tier)}")
        value = self._money(where, item, "min_lifetime_value")
        if tier is None and value is None:
            self.problem(where, "", "needs min_tier or min_lifetime_value")
        add = self.remedy(where, "add", item.get("add"))
        if len(self.problems) > before or add is None:
            return None
        return CustomerRaise(
            reason=reason,
            add=add,
            min_tier=Tier(tier) if tier else None,
            min_lifetime_value_cents=value,
            reasons=reasons,
        )

    def remedy(self, where: tuple[str, int], name: str, item: Any) -> RemedyEntry | None:
        """One remedy table (``{kind = "…", cost = 120}``, dollars), or None."""
        if not isinstance(item, dict):
            self.problem(where, name, 'must be a table such as { kind = "replacement" }')
            return None
        before = len(self.problems)
        self._unknown(where, item, _REMEDY_KEYS, f"{name}.")
        kinds = {kind.value for kind in RemedyKind}
        kind = item.get("kind")
        if not isinstance(kind, str) or kind not in kinds:
            self.problem(where, f"{name}.kind", f"must be one of {', '.join(sorted(kinds))}")
        cost = self._money(where, item, "cost", f"{name}.")
        value = self._money(where, item, "value", f"{name}.")
        months = self._whole(where, item, "months", f"{name}.")
        note = self._text(where, item, "note", prefix=f"{name}.")
        if kind == RemedyKind.WARRANTY_EXTENDED and not months:
            self.problem(where, f"{name}.months", "is required for a warranty extension")
        if kind == RemedyKind.GIFT_CERTIFICATE and not value:
            self.problem(where, f"{name}.value", "is required for a gift certificate")
        if months is not None and not 1 <= months <= 120:
            self.problem(where, f"{name}.months", "must be from 1 to 120")
        if len(self.problems) > before:
            return None
        return RemedyEntry(
            kind=RemedyKind(kind),
            cost_cents=cost,
            months=months if kind == RemedyKind.WARRANTY_EXTENDED else None,
            value_cents=value if kind == RemedyKind.GIFT_CERTIFICATE else None,
            note=note,
        )

    def _unknown(self, where, item: dict[str, Any], known: set[str], prefix: str) -> None:
        for key in item:
            if key not in known:
                self.problem(
                    where, f"{prefix}{key}", f"is not known (known: {', '.join(sorted(known))})"
                )

    def _text(self, where, item, key: str, *, required: bool = False, prefix: str = "") -> str:
        value = item.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()) or len(value) > 200:
            self.problem(where, f"{prefix}{key}", "must be a text of 1 to 200 characters")
            return ""
        return value.strip()

    def _wordings(self, where, item) -> Wordings:
        """``reason_in.es = "…"``: the reason in other languages (the console's language
        picks one; English is ``reason``)."""
        given = item.get("reason_in", {})
        if not isinstance(given, dict):
            self.problem(where, "reason_in", 'must be a table like reason_in.es = "…"')
            return ()
        found = []
        for language in given:
            if not _LANGUAGE.match(language):
                self.problem(where, f"reason_in.{language}", "is not a two-letter language")
            elif text := self._text(where, given, language, required=True, prefix="reason_in."):
                found.append((language, text))
        return tuple(found)

    def _list(self, where, item, key: str) -> list[str]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(where, f"when.{key}", "must be a list of texts")
            return []
        return value

    def _whole(self, where, item, key: str, prefix: str) -> int | None:
        value = item.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            self.problem(where, f"{prefix}{key}", "must be a whole number, 0 or more")
            return None
        return value

    def _money(self, where, item, key: str, prefix: str = "") -> int | None:
        """Dollars (``120`` or ``119.99``) as cents."""
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1e6:
            self.problem(
                where, f"{prefix}{key}", "must be an amount in dollars, such as 120 or 119.99"
            )
            return None
        return round(value * 100)
