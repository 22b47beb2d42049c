"""Suggested remedies: which rules apply, how what worked before is ranked, the raise for a
customer who has meant more, and the advocate's authority."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from advocate_console.domain import Case, Delight, History, RemedyKind, Resolution, Tier
from advocate_console.domain.authority import Authority
from advocate_console.domain.records import SuggestionOutcome
from advocate_console.domain.resolutions import RemedyEntry, remedy_cost
from advocate_console.domain.suggestion_rules import read_rules
from advocate_console.domain.suggestions import (
    CaseFacts,
    PastRemedy,
    case_facts,
    rank_past,
    remedy_key,
    suggest,
)
from advocate_console.domain.validation import explain
from advocate_console.domain.warranty import warranty_status
from advocate_console.paths import resource_dir
from tests import factories as make

TODAY = make.NOW.date()
BOOK = read_rules((resource_dir() / "remedy_rules.toml").read_text(encoding="utf-8"))
WAIVED = RemedyEntry(kind=RemedyKind.REPAIR_FEE_WAIVED, cost_cents=12000)
CREDIT = RemedyEntry(kind=RemedyKind.ACCOUNT_CREDIT, cost_cents=5000)


def facts(**fields) -> CaseFacts:
    """A product failure of a standard customer, 60 days out of warranty, a repeat."""
    values = dict(
        category="product failure",
        summary="Stopped heating.",
        warranty=warranty_status(TODAY - timedelta(days=60), TODAY),
        repeat_failure=True,
        tier=Tier.STANDARD,
        lifetime_value_cents=100_000,
        model="HVM3160SF",
        kind="microwave",
    )
    return CaseFacts(**(values | fields))


def past(key_remedies, uses, delighted, cost) -> PastRemedy:
    return PastRemedy(remedy_key(key_remedies), tuple(key_remedies), uses, delighted, cost, "X")


def the_story() -> tuple[History, Case]:
    """The GE story: the second microwave of one model failed, 60 days out of warranty."""
    margaret = make.customer(tier=Tier.PLATINUM, lifetime_value_cents=7_751_992)
    first = make.product(margaret, model_number="HVM3160SF", warranty_end=date(2025, 1, 1))
    second = make.product(
        margaret, model_number="HVM3160SF", warranty_end=TODAY - timedelta(days=60)
    )
    before = make.case(margaret, product_id=first.id, opened_at=make.NOW - timedelta(days=500))
    now = make.case(margaret, product_id=second.id)
    history = History(customer=margaret, products=[first, second], cases=[before, now])
    return history, now


def test_the_shipped_rules_file_is_valid():
    assert BOOK.problems == ()
    assert [rule.id for rule in BOOK.rules][:2] == [
        "repeat-failure-just-out-of-warranty",
        "wrong-item-returned",
    ]


def test_the_ge_story_gets_waive_and_extend_first():
    history, case = the_story()
    found = suggest(case_facts(history, case, TODAY), BOOK, [])
    first = found[0]
    assert first.rule == "rule:repeat-failure-just-out-of-warranty"
    kinds = {r.kind: r for r in first.remedies}
    assert kinds[RemedyKind.WARRANTY_EXTENDED].months == 12
    assert RemedyKind.REPAIR_FEE_WAIVED in kinds
    assert first.raised == "Platinum customer"  # and a gift for fourteen years with us
    assert kinds[RemedyKind.GIFT_CERTIFICATE].value_cents == 5000


def test_no_repeat_failure_or_too_long_out_of_warranty_is_not_the_story():
    assert all(
        s.rule != "rule:repeat-failure-just-out-of-warranty"
        for s in suggest(facts(repeat_failure=False), BOOK, [])
    )
    long_ago = facts(warranty=warranty_status(TODAY - timedelta(days=91), TODAY))
    assert suggest(long_ago, BOOK, []) == []
    covered = facts(warranty=warranty_status(TODAY + timedelta(days=60), TODAY))
    assert suggest(covered, BOOK, []) == []


def test_the_right_item_sent_back_by_mistake_is_refunded_without_return():
    found = suggest(facts(category="wrong item returned", repeat_failure=False), BOOK, [])
    assert [s.rule for s in found] == ["rule:wrong-item-returned"]
    assert [r.kind for r in found[0].remedies] == [RemedyKind.REFUND_WITHOUT_RETURN]
    assert found[0].remedies[0].cost_cents is None  # the advocate types what it was


def test_a_rule_without_a_cost_takes_what_the_same_remedy_cost_before():
    refund = RemedyEntry(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=9000)
    history = [past([refund], 3, 2, 9000), past([refund, CREDIT], 1, 1, 20000)]
    found = suggest(facts(category="wrong item returned"), BOOK, history)
    assert found[0].remedies[0].cost_cents == (9000 * 3 + 9000) // 4
    assert found[0].past == history[0]  # the same remedies: how they did before


def test_what_worked_before_ranks_by_delight_then_cost():
    a = past([WAIVED], 14, 12, 12000)  # 86% delighted
    b = past([CREDIT], 14, 12, 5000)  # as delighted, cheaper
    c = past([RemedyEntry(kind=RemedyKind.REPLACEMENT, cost_cents=30000)], 3, 3, 30000)
    once = past([RemedyEntry(kind=RemedyKind.INFORMATION_ONLY)], 1, 1, 0)
    assert rank_past([a, b, c, once]) == [b, a, c]  # 3 of 3 is less sure than 12 of 14


def test_the_advocates_authority_is_never_passed_without_saying_so():
    expensive = past([RemedyEntry(kind=RemedyKind.REPLACEMENT, cost_cents=40000)], 5, 5, 40000)
    found = suggest(facts(repeat_failure=False, tier=Tier.PLATINUM), BOOK, [expensive], 25000)
    (only,) = [s for s in found if s.past is expensive]
    assert only.needs_approval and only.raised == ""  # no raise on top of an approval
    # Unknown authority: nothing said about approvals.
    assert not any(s.needs_approval for s in suggest(facts(), BOOK, [expensive]))


remedies = st.lists(
    st.builds(
        RemedyEntry,
        kind=st.sampled_from(
            [k for k in RemedyKind if k not in (RemedyKind.WARRANTY_EXTENDED, RemedyKind.OTHER)]
        ),
        cost_cents=st.integers(0, 100_000),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda r: r.kind,
)


@given(
    history=st.lists(st.tuples(remedies, st.integers(1, 50), st.integers(0, 50)), max_size=8),
    tier=st.sampled_from(list(Tier)),
    value=st.integers(0, 10_000_000),
    limit=st.none() | st.integers(0, 200_000),
)
def test_suggestions_stay_few_distinct_and_honest_about_authority(history, tier, value, limit):
    groups = {}
    for items, uses, delighted in history:
        item = past(items, uses, min(uses, delighted), sum(remedy_cost(r) for r in items))
        groups[item.key] = item
    found = suggest(
        facts(tier=tier, lifetime_value_cents=value), BOOK, list(groups.values()), limit
    )
    assert len(found) <= 3
    assert len({s.rule for s in found}) == len(found)
    for suggestion in found:
        cost = sum(remedy_cost(r) for r in suggestion.remedies)
        assert suggestion.cost_cents == cost
        assert suggestion.needs_approval == (limit is not None and cost > limit)
        if suggestion.raised and limit is not None:
            assert cost <= limit  # a raise never takes it over the advocate's authority


def test_a_bad_rules_file_names_the_line_and_field_and_keeps_no_rule():
    text = """
[[rule]]
id = "fine"
reason = "A good rule"
remedies = [{ kind = "information_only" }]

[[rule]]
id = "broken"
reason = "Months forgotten"
when.warranty = "sometimes"
remedies = [
  { kind = "warranty_extended", cost = 40 },
]
"""
    book = read_rules(text, "remedy_rules.toml")
    assert book.rules == ()
    by_field = {p.field: p for p in book.problems}
    assert by_field["rule[2].when.warranty"].line == 10
    assert "“expired”, “covered” or “none”" in by_field["rule[2].when.warranty"].message
    assert by_field["rule[2].remedies[1].months"].line == 11
    assert str(by_field["rule[2].when.warranty"]).startswith("remedy_rules.toml, line 10: ")


def test_a_rules_file_that_is_not_toml_says_where():
    book = read_rules('[[rule]]\nid = "a"\nreason = unquoted words\n', "rules.toml")
    assert book.rules == ()
    assert book.problems[0].line == 3


def test_unknown_names_kinds_and_tiers_are_refused():
    text = """
[[rule]]
id = "Bad Id"
reason = "x"
colour = "red"
when.categories = ["lost in space"]
remedies = [{ kind = "hug" }]

[[raise]]
reason = "y"
min_tier = "diamond"
add = { kind = "gift_certificate" }
"""
    fields = {p.field for p in read_rules(text).problems}
    assert {
        "rule[1].id",
        "rule[1].colour",
        "rule[1].when.categories",
        "rule[1].remedies[1].kind",
        "raise[1].min_tier",
        "raise[1].add.value",
    } <= fields


toml_values = st.recursive(
    st.none().map(lambda _: '""')
    | st.integers(-5, 500).map(str)
    | st.floats(-10, 1e7, allow_nan=False).map(repr)
    | st.booleans().map(lambda b: str(b).lower())
    | st.sampled_from(['"expired"', '"hug"', '"warranty_extended"', '"gold"', '"repair"']),
    lambda inner: st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    max_leaves=6,
)
keys = st.sampled_from(
    ["id", "reason", "when.warranty", "when.categories", "when.expired_within_days",
     "when.repeat_failure", "when.words", "remedies", "min_tier", "min_lifetime_value",
     "add", "colour"]
)  # fmt: skip


@given(
    tables=st.lists(
        st.tuples(st.sampled_from(["rule", "raise", "other"]), st.dictionaries(keys, toml_values)),
        max_size=4,
    ),
    noise=st.text(max_size=30),
)
def test_any_file_gives_rules_or_problems_never_an_exception(tables, noise):
    text = "\n".join(
        f"[[{name}]]\n" + "\n".join(f"{key} = {value}" for key, value in body.items())
        for name, body in tables
    )
    for content in (text, text + "\n" + noise):
        book = read_rules(content)
        assert not (book.problems and (book.rules or book.raises))
        for problem in book.problems:
            assert str(problem).startswith("remedy_rules.toml")


def test_a_resolution_keeps_at_most_ten_suggestions_and_says_so():
    owner = make.customer()
    case = make.case(owner)
    shown = [SuggestionOutcome(rule=f"history:{n}") for n in range(11)]
    values = dict(id=case.id, case_id=case.id, delight=Delight.DELIGHTED, resolved_at=make.NOW)
    with pytest.raises(ValidationError) as refused:
        Resolution(**values, suggestions=shown)
    (problem,) = explain(refused.value)
    assert (problem.field, problem.message) == ("suggestions", "is too long (at most 10)")
    assert len(Resolution(**values, suggestions=shown[:10]).suggestions) == 10


def test_with_the_whole_authority_every_limit_says_an_approval_is_needed():
    refund = past(
        [RemedyEntry(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15000)], 5, 5, 15000
    )
    within_the_case = [s for s in suggest(facts(), BOOK, [refund], 25000) if s.past is refund]
    assert within_the_case and not within_the_case[0].needs_approval  # $150 < $250 a case
    mine = Authority(month="2026-12")
    (beyond,) = [s for s in suggest(facts(), BOOK, [refund], authority=mine) if s.past is refund]
    assert beyond.needs_approval  # but a refund without return over $100
    nearly_spent = Authority(month="2026-12", spent_this_month_cents=249_000)
    for suggestion in suggest(facts(), BOOK, [past([WAIVED], 5, 5, 12000)], authority=nearly_spent):
        assert suggestion.needs_approval == (suggestion.cost_cents > 1_000)
        assert suggestion.raised == "" or not suggestion.needs_approval
