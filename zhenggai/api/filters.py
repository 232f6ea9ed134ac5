"""The web ledger's filters as query parameters. They become the same LedgerQuery the web
ledger uses, so the API and the ledger page list the same rows."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, Schema

from zhenggai.api.refs import Ref
from zhenggai.api.schemas import Id, bounded_text, choice_of
from zhenggai.ledger import policy
from zhenggai.ledger.models import Category, Measure, Person, Unit
from zhenggai.ledger.queries import MEASURE_SORTS, PROBLEM_SORTS, LedgerFilterForm, LedgerQuery

Q_LENGTH = LedgerFilterForm.base_fields["q"].max_length


class LedgerFilters(Schema):
    round: Id | None = Field(None, description="轮次")
    category: Id | None = Field(None, description="方面")
    unit: Id | None = Field(None, description="单位（含下级单位）：牵头、配合或其问题由其牵头")
    leader: Id | None = Field(None, description="牵头领导")
    status: choice_of(Measure, "status") | None = Field(None, description="整改状态")
    kind: choice_of(Measure, "kind") | None = Field(None, description="措施类型")
    due_from: datetime.date | None = Field(None, description="完成时限从（含）")
    due_to: datetime.date | None = Field(None, description="完成时限至（含）")
    overdue: bool = Field(False, description="仅看超期未完成")
    q: bounded_text(Q_LENGTH) = Field("", description="关键词，空格分隔的词须全部出现")


class ProblemFilters(LedgerFilters):
    sort: Literal[*PROBLEM_SORTS] = "code"


class MeasureFilters(LedgerFilters):
    problem: Id | None = Field(None, description="问题")
    sort: Literal[*MEASURE_SORTS] = "code"


def ledger_query(user, filters: LedgerFilters) -> LedgerQuery:
    if filters.due_from and filters.due_to and filters.due_to < filters.due_from:
        raise ValidationError({"due_to": "结束日期不能早于开始日期。"})
    refs = {
        "category": Ref(Category.objects.filter(round__in=policy.rounds_visible_to(user)), "方面"),
        "unit": Ref(Unit.objects.all(), "单位"),
        "leader": Ref(Person.objects.filter(is_leader=True), "牵头领导"),
    }
    resolved = {field: ref.resolve(field, getattr(filters, field)) for field, ref in refs.items()}
    return LedgerQuery(
        q=filters.q,
        status=filters.status or "",
        kind=filters.kind or "",
        due_from=filters.due_from,
        due_to=filters.due_to,
        overdue=filters.overdue,
        sort=filters.sort,
        **resolved,
    )


def in_round(queryset, user, round_id: int | None):
    """Narrow a list to one round; a round the user cannot see is an invalid filter."""
    if round_id is None:
        return queryset
    Ref(policy.rounds_visible_to(user), "轮次").resolve("round", round_id)
    return queryset.filter(round_id=round_id)
