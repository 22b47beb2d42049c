"""An advocate's authority: which limits remedies go beyond, and what an approval covers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advocate_console.domain import Remedy, RemedyKind, Resolution
from advocate_console.domain.authority import (
    Approval,
    Authority,
    AuthorityLimits,
    Overage,
    covers,
    month_of,
    overages,
    total_of,
)

PROPERTY = settings(max_examples=60, deadline=None)
DECEMBER = Authority(month="2026-12")


def remedy(kind: str, cost: int = 0, **fields) -> Remedy:
    """A remedy of ``kind`` costing ``cost`` cents."""
    return Remedy(kind=RemedyKind(kind), cost_cents=cost, **fields)


def approved(case_id, *remedies: Remedy, status: str = "approved") -> Approval:
    """An approval of ``remedies`` for ``case_id``."""
    return Approval(
        id=uuid4(), case_id=case_id, remedies=list(remedies), reason="Third failure", status=status
    )


def test_the_defaults_are_the_companys():
    limits = AuthorityLimits()
    assert (
        limits.per_case_cents,
        limits.refund_without_return_cents,
        limits.warranty_extension_months,
        limits.gift_certificate_cents,
        limits.monthly_cents,
    ) == (25_000, 10_000, 12, 5_000, 250_000)


def test_within_authority_there_is_no_overage():
    remedies = [
        remedy("repair_fee_waived", 12_000),
        remedy("warranty_extended", 3_000, months=12),
        remedy("gift_certificate", 0, value_cents=5_000),
        remedy("refund_without_return", 5_000),
    ]
    assert overages(remedies, DECEMBER) == []


def test_a_limit_is_reached_not_passed_by_its_own_amount():
    assert overages([remedy("refund_without_return", 10_000)], DECEMBER) == []
    assert overages([remedy("refund_without_return", 10_001)], DECEMBER) == [
        Overage(code="refund_without_return", limit=10_000, amount=10_001)
    ]


def test_each_limit_goes_by_its_own_amount():
    found = overages(
        [
            remedy("replacement", 20_000),
            remedy("refund_without_return", 15_000),
            remedy("warranty_extended", 1_000, months=24),
            remedy("gift_certificate", 0, value_cents=7_500),
        ],
        DECEMBER,
    )
    assert found == [
        Overage(code="per_case", limit=25_000, amount=43_500),
        Overage(code="refund_without_return", limit=10_000, amount=15_000),
        Overage(code="warranty_extension", limit=12, amount=24),
        Overage(code="gift_certificate", limit=5_000, amount=7_500),
    ]


def test_split_remedies_count_together():
    halves = [remedy("refund_without_return", 6_000), remedy("refund_without_return", 6_000)]
    assert [o.code for o in overages(halves, DECEMBER)] == ["refund_without_return"]
    twelves = [remedy("warranty_extended", 0, months=12)] * 2
    assert overages(twelves, DECEMBER) == [Overage(code="warranty_extension", limit=12, amount=24)]


def test_a_gift_certificate_is_limited_by_its_face_value_or_its_cost():
    assert overages([remedy("gift_certificate", 100, value_cents=6_000)], DECEMBER)[0].amount == (
        6_000
    )
    assert overages([remedy("gift_certificate", 6_000)], DECEMBER)[0].amount == 6_000


def test_the_month_counts_what_was_spent_already():
    authority = Authority(month="2026-12", spent_this_month_cents=240_000)
    assert authority.left_this_month_cents == 10_000
    assert overages([remedy("repair_fee_waived", 10_000)], authority) == []
    assert overages([remedy("repair_fee_waived", 12_000)], authority) == [
        Overage(code="monthly", limit=250_000, amount=252_000)
    ]


def test_what_is_left_never_goes_below_zero_and_is_on_the_wire():
    authority = Authority(month="2026-12", spent_this_month_cents=300_000)
    assert authority.left_this_month_cents == 0
    wire = authority.model_dump(mode="json")
    assert wire["left_this_month_cents"] == 0
    assert Authority.model_validate(wire) == authority


def test_limits_are_each_advocates_own():
    lower = Authority(
        limits=AuthorityLimits(per_case_cents=10_000, refund_without_return_cents=2_500),
        month="2026-12",
    )
    assert [o.code for o in overages([remedy("refund_without_return", 5_000)], lower)] == [
        "refund_without_return"
    ]
    assert [o.code for o in overages([remedy("replacement", 12_000)], lower)] == ["per_case"]


def test_limits_refuse_nonsense():
    with pytest.raises(ValidationError):
        AuthorityLimits(per_case_cents=-1)
    with pytest.raises(ValidationError):
        AuthorityLimits(warranty_extension_months=121)
    with pytest.raises(ValidationError):
        Authority(month="2026-13")


def test_month_of_is_the_utc_month():
    assert month_of(datetime(2026, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))) == (
        "2027-01"
    )
    assert month_of(datetime(2026, 12, 3, 7, 0)) == "2026-12"


# --- approvals ---------------------------------------------------------------------------


def test_an_approval_covers_the_approved_remedies_or_less_for_its_case():
    case_id = uuid4()
    approval = approved(
        case_id, remedy("refund_without_return", 15_000), remedy("warranty_extended", 0, months=24)
    )
    asked = [remedy("warranty_extended", 0, months=24), remedy("refund_without_return", 15_000)]
    assert covers(approval, case_id, asked)
    less = [remedy("refund_without_return", 12_000), remedy("warranty_extended", 0, months=18)]
    assert covers(approval, case_id, less)


def test_an_approval_covers_nothing_more():
    case_id = uuid4()
    approval = approved(case_id, remedy("refund_without_return", 15_000))
    assert not covers(approval, case_id, [remedy("refund_without_return", 15_001)])
    assert not covers(approval, uuid4(), [remedy("refund_without_return", 15_000)])
    extra = [remedy("refund_without_return", 15_000), remedy("gift_certificate", 2_000)]
    assert not covers(approval, case_id, extra)
    other_kind = [remedy("replacement", 15_000)]
    assert not covers(approval, case_id, other_kind)
    twice = [remedy("refund_without_return", 7_500)] * 2
    assert not covers(approval, case_id, twice)


def test_only_an_approved_request_covers():
    case_id = uuid4()
    asked = [remedy("refund_without_return", 15_000)]
    for status in ("pending", "denied"):
        assert not covers(approved(case_id, *asked, status=status), case_id, asked)


def test_a_gift_certificates_value_is_covered_too():
    case_id = uuid4()
    approval = approved(case_id, remedy("gift_certificate", 7_500, value_cents=7_500))
    bigger = [remedy("gift_certificate", 7_500, value_cents=10_000)]
    assert not covers(approval, case_id, bigger)


def test_an_approval_needs_a_reason_and_remedies():
    with pytest.raises(ValidationError):
        Approval(id=uuid4(), case_id=uuid4(), remedies=[remedy("replacement", 1)], reason="  ")
    with pytest.raises(ValidationError):
        Approval(id=uuid4(), case_id=uuid4(), remedies=[], reason="Third failure")
    with pytest.raises(ValidationError):
        Approval(
            id=uuid4(), case_id=uuid4(), remedies=[remedy("replacement", 1)], reason="x" * 2001
        )


def test_a_resolution_carries_its_approval(samples):
    approval_id = uuid4()
    resolution = samples.resolution(approval_id=approval_id)
    assert Resolution.model_validate_json(resolution.model_dump_json()).approval_id == approval_id
    assert samples.resolution().approval_id is None


remedies_strategy = st.lists(
    st.builds(
        Remedy,
        kind=st.sampled_from(list(RemedyKind)),
        cost_cents=st.integers(0, 50_000),
        months=st.one_of(st.none(), st.integers(1, 36)),
        value_cents=st.one_of(st.none(), st.integers(0, 20_000)),
    ),
    max_size=6,
)


@PROPERTY
@given(remedies=remedies_strategy, spent=st.integers(0, 300_000))
def test_overages_name_exactly_the_limits_passed(remedies, spent):
    authority = Authority(month="2026-12", spent_this_month_cents=spent)
    found = overages(remedies, authority)
    assert all(o.amount > o.limit for o in found)
    total = total_of(remedies)
    assert ("per_case" in {o.code for o in found}) == (total > 25_000)
    assert ("monthly" in {o.code for o in found}) == (spent + total > 250_000)


@PROPERTY
@given(remedies=remedies_strategy.filter(bool))
def test_an_approval_always_covers_what_it_approved(remedies):
    case_id = uuid4()
    approval = approved(case_id, *remedies)
    assert covers(approval, case_id, list(reversed(remedies)))
