"""The dashboard's figures as JSON, from the same queries as the web page: a province's own
big screen or report can show exactly what the office sees."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema

from zhenggai.api.schemas import Id
from zhenggai.dashboard import queries
from zhenggai.dashboard.forms import DashboardForm
from zhenggai.ledger import policy
from zhenggai.ledger.queries import today
from zhenggai.rules.figures import rate

router = Router(tags=["看板"])

COUNTS_DESCRIPTION = (
    "total 措施数；done 已完成（已完成待核查、已销号、长期坚持）；closed 已销号（含长期坚持）；"
    "overdue 超期未完成；silent 未按期报送（超过报送周期未报送进展）；reported 报送过进展；"
    "red 红灯；"
    "briefing_only 仅凭听取汇报销号（应为 0）；unverified 无核查通过记录即销号（应为 0）；"
    "problems 问题数；problems_closed 问题已销号；no_mechanism 问题已销号但无长效机制；"
    "rebound 变异反弹问题；extension_asked 申请过延期的措施；extended 经批准延期的措施"
)
Counts = dict[str, int]


class Period(Schema):
    since: datetime.date | None = Field(None, description="趋势起始日期，默认反馈日期")
    until: datetime.date | None = Field(None, description="趋势截止日期，默认今天")
    unit: Id | None = Field(None, description="按单位统计时展开该单位的下级单位")


class RoundFiguresOut(Schema):
    id: int
    name: str
    counts: Counts = Field(description=COUNTS_DESCRIPTION)


class LevelOut(Schema):
    level: int | None = Field(description="相对整改牵头单位的层级，1 为其本级；空为牵头单位以外")
    label: str
    unit_kinds: list[str]
    counts: Counts
    reporting_rate: float | None = Field(description="报送过进展的措施占比（%）")
    silence_rate: float | None = Field(description="未按期报送措施占比（%）")
    verification_rate: float | None = Field(description="已核查销号措施占比（%）")


class PointOut(Schema):
    date: datetime.date
    open: int = Field(description="当日结束时未销号的措施数")


class RedOut(Schema):
    id: int
    round: int
    problem: int
    code: str
    text: str
    lead_unit: str
    deadline: datetime.date | None
    original_deadline: datetime.date | None = Field(
        description="原定完成时限：经批准延期后保留的原承诺时限；未延期为 null"
    )
    days_overdue: int


class GroupOut(Schema):
    id: int
    name: str
    counts: Counts


class SubUnitOut(GroupOut):
    has_sub_units: bool


class DashboardOut(Schema):
    on: datetime.date = Field(description="统计日期")
    totals: Counts = Field(description=COUNTS_DESCRIPTION)
    rounds: list[RoundFiguresOut]
    levels: list[LevelOut]
    trend: list[PointOut]
    red_list: list[RedOut] = Field(
        description=f"红灯措施，超期最久的前 {queries.RED_LIST_LENGTH} 条"
    )
    unit: GroupOut | None = Field(description="按单位统计的单位（含下级）")
    sub_units: list[SubUnitOut]


class RoundDashboardOut(DashboardOut):
    categories: list[GroupOut]
    leaders: list[GroupOut] = Field(description=f"超期措施最多的前 {queries.LEADER_LIMIT} 位")


def _params(period: Period) -> dict:
    """The web page's rules for the same parameters; their refusals come back as 422."""
    data = {name: value for name, value in period.model_dump().items() if value is not None}
    form = DashboardForm(data)
    if not form.is_valid():
        raise ValidationError({field: list(errors) for field, errors in form.errors.items()})
    return form.cleaned_data


def _overview(view: queries.Overview) -> dict:
    return {
        "on": view.on,
        "totals": view.totals,
        "rounds": [
            {"id": r.pk, "name": r.name, "counts": view.by_round[r.pk]} for r in view.rounds
        ],
        "levels": [
            {
                "level": level.level,
                "label": level.label,
                "unit_kinds": level.kinds,
                "counts": level.counts,
                "reporting_rate": rate(level.counts["reported"], level.counts["total"]),
                "silence_rate": rate(level.counts["silent"], level.counts["total"]),
                "verification_rate": rate(level.counts["closed"], level.counts["total"]),
            }
            for level in view.levels
        ],
        "trend": [
            {"date": day, "open": n} for day, n in zip(view.points, view.open_measures, strict=True)
        ],
        "red_list": [
            {
                "id": m.pk,
                "round": m.round_id,
                "problem": m.problem_id,
                "code": m.code,
                "text": m.text,
                "lead_unit": m.lead_unit.name,
                "deadline": m.deadline,
                "original_deadline": m.original_deadline,
                "days_overdue": m.days_overdue,
            }
            for m in view.red_list
        ],
    }


@router.get("/dashboard", response=DashboardOut, summary="全部轮次看板")
def dashboard(request, period: Query[Period]):
    params = _params(period)
    rounds = list(policy.rounds_visible_to(request.auth).select_related("office"))
    view = queries.overview(request.auth, rounds, today(), params.get("since"), params.get("until"))
    return {**_overview(view), **_unit_tree(queries.all_rounds_unit_tree(view, params.get("unit")))}


@router.get("/rounds/{round_id}/dashboard", response=RoundDashboardOut, summary="轮次看板")
def round_dashboard(request, round_id: int, period: Query[Period]):
    round_ = policy.get_round_for(request.auth, round_id)
    params = _params(period)
    view, detail = queries.round_figures(request.auth, round_, today(), **params)
    return {
        **_overview(view),
        "categories": [
            {"id": c.pk, "name": f"{c.number}. {c.title}", "counts": counts}
            for c, counts in detail.categories
        ],
        "leaders": [{"id": p.pk, "name": p.name, "counts": counts} for p, counts in detail.leaders],
        **_unit_tree(detail.units),
    }


def _unit_tree(tree) -> dict:
    root = tree.root
    return {
        "unit": {"id": root.pk, "name": root.name, "counts": tree.total} if root else None,
        "sub_units": [
            {"id": u.pk, "name": u.name, "counts": counts, "has_sub_units": deeper}
            for u, counts, deeper in tree.units
        ],
    }
