"""Each person's home page (工作台): what waits for them, round by round, as figures that link
to exactly the list they count.

Which sections a person sees follows the roles of zhenggai.authority.roles: a reporter those
of the trees it reports for, the office those of the rounds it runs, a verification group's
member what waits to be verified, a leader those of the problems it leads and the requests it
may decide. Every figure is counted in SQL, grouped by round, so the page costs a few queries
however many rounds there are."""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from zhenggai.authority.models import Role
from zhenggai.authority.roles import actor_of
from zhenggai.ledger.models import InspectionRound, Measure, Problem
from zhenggai.ledger.policy import rounds_visible_to, subtree
from zhenggai.ledger.queries import (
    MEASURE_SORTS,
    has_measures,
    lit_q,
    overdue_count_q,
    overdue_q,
    rows_in_order,
    stage_q,
    today,
)
from zhenggai.mechanisms.models import GeneralizationAnswer
from zhenggai.requests.queries import count as requests_count
from zhenggai.requests.queries import waiting_by_round
from zhenggai.rules.deadlines import LIGHT_LABELS, LIGHT_ORDER
from zhenggai.rules.figures import path_ids
from zhenggai.rules.status import MeasureStatus
from zhenggai.supervision.models import SupervisionNotice
from zhenggai.supervision.policy import awaiting_reply_q

NEAREST = 10


@dataclass
class Figure:
    label: str
    count: int
    url: str
    tone: str = ""


@dataclass
class Section:
    title: str
    round: InspectionRound
    figures: list[Figure] = field(default_factory=list)
    # A reporter's nearest open measures, each one tap from its report form.
    measures: list[Measure] = field(default_factory=list)


def _link(name: str, round_pk: int, **params) -> str:
    return f"{reverse(name, args=[round_pk])}?{urlencode(params)}"


def _ledger(round_pk: int, **params) -> str:
    return _link("ledger:ledger", round_pk, **params)


def home_sections(user) -> list[Section]:
    actor = actor_of(user)
    rounds = list(
        rounds_visible_to(user)
        .exclude(status=InspectionRound.Status.FINISHED)
        .select_related("office")
        .order_by("-feedback_date", "-pk")
    )
    sections = []
    sections += _reporter_sections(actor, rounds)
    sections += _office_sections(user, actor, rounds)
    sections += _verifier_sections(actor, rounds)
    sections += _leader_sections(user, actor, rounds)
    return sections


def _grouped(queryset, **counts) -> dict[int, dict]:
    """Counts per round. A plain count is Count("*"): PostgreSQL answers COUNT(*) from the
    index alone, where COUNT(id) reads every row for its id (the office's 超期 across seven
    rounds: 297 -> 48 ms)."""
    rows = queryset.values("round_id").annotate(**counts).order_by()
    return {row["round_id"]: row for row in rows}


def _reporter_sections(actor, rounds) -> list[Section]:
    """For each tree the user reports for: its open, overdue and returned measures and the
    notices addressed to it that wait for a reply."""
    by_tree: dict[str, list[InspectionRound]] = defaultdict(list)
    for round_ in rounds:
        for tree in actor.paths_in(round_, {Role.REPORTER}):
            by_tree[tree].append(round_)
    sections = []
    for tree, tree_rounds in by_tree.items():
        ids = [r.pk for r in tree_rounds]
        measures = _grouped(
            Measure.objects.filter(round__in=ids, lead_unit__in=subtree(tree)),
            open=Count("pk", filter=stage_q("open")),
            overdue=Count("pk", filter=overdue_q(today())),
            returned=Count("pk", filter=Q(status=MeasureStatus.RETURNED)),
        )
        notices = _grouped(
            SupervisionNotice.objects.filter(
                awaiting_reply_q(), round__in=ids, unit__path__startswith=tree
            ),
            n=Count("*"),
        )
        answers = _answers(
            ids, answer=GeneralizationAnswer.Answer.PENDING, unit__path__startswith=tree
        )
        nearest = defaultdict(list)
        for measure in _nearest_open(ids, tree):
            nearest[measure.round_id].append(measure)
        unit = path_ids(tree)[-1]
        for round_ in tree_rounds:
            figures = _reporter_figures(
                round_.pk, unit, measures.get(round_.pk, {}), notices.get(round_.pk, {})
            )
            figures.append(
                Figure(
                    "举一反三待答复",
                    answers.get(round_.pk, 0),
                    f"{reverse('mechanisms:inbox')}?{urlencode({'round': round_.pk})}#pending",
                )
            )
            sections.append(Section("本单位待办", round_, figures, nearest[round_.pk]))
    return sections


def _reporter_figures(round_pk: int, unit: int, counts: dict, notices: dict) -> list[Figure]:
    lead = {"view": "measures", "unit": unit, "unit_role": "lead"}
    awaiting = {"status": "awaiting", "unit": unit}
    return [
        Figure("待报送", counts.get("open", 0), _ledger(round_pk, **lead, stage="open")),
        Figure("已超期", counts.get("overdue", 0), _ledger(round_pk, **lead, overdue="on"), "red"),
        Figure(
            "待回复督办单",
            notices.get("n", 0),
            _link("supervision:notice_list", round_pk, **awaiting),
        ),
        Figure(
            "待整改（退回）",
            counts.get("returned", 0),
            _ledger(round_pk, **lead, status=MeasureStatus.RETURNED),
        ),
    ]


def _nearest_open(round_ids: list[int], tree: str) -> list[Measure]:
    """The tree's open measures due soonest: chosen by their keys, then loaded with their
    problems and units. Joined first, a city's 14,000 open measures were each joined before
    10 were kept (80 ms on PostgreSQL)."""
    measures = Measure.objects.filter(
        stage_q("open"), round__in=round_ids, lead_unit__in=subtree(tree)
    )
    soonest = measures.order_by(*MEASURE_SORTS["deadline"]).values_list("pk", flat=True)
    return rows_in_order(Measure, list(soonest[:NEAREST]), _with_problem)


def _with_problem(measures):
    return measures.select_related("problem__category", "lead_unit")


def _answers(ids: list[int], **conditions) -> dict[int, int]:
    """Answers to the 举一反三 of these rounds, counted by round."""
    rows = (
        GeneralizationAnswer.objects.filter(generalization__source__round__in=ids, **conditions)
        .values("generalization__source__round_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {row["generalization__source__round_id"]: row["n"] for row in rows}


def _office_sections(user, actor, rounds) -> list[Section]:
    run = [r for r in rounds if actor.runs(r)]
    if not run:
        return []
    ids = [r.pk for r in run]
    # Each figure apart, from its own index range, rather than one scan of every measure of
    # every round.
    in_rounds = Measure.objects.filter(round__in=ids)
    pending = _grouped(in_rounds.filter(status=MeasureStatus.DONE_PENDING), n=Count("*"))
    overdue = _grouped(in_rounds.filter(overdue_count_q(today())), n=Count("*"))
    notices = _grouped(
        SupervisionNotice.objects.filter(round__in=ids, status=SupervisionNotice.Status.OVERDUE),
        n=Count("*"),
    )
    replied = _grouped(
        SupervisionNotice.objects.filter(round__in=ids, status=SupervisionNotice.Status.REPLIED),
        n=Count("*"),
    )
    # The "not present" answers wait for the office's review.
    answers = _answers(
        ids,
        answer=GeneralizationAnswer.Answer.NOT_PRESENT,
        review=GeneralizationAnswer.Review.PENDING,
    )
    requests = waiting_by_round(user, run)
    sections = []
    for round_ in run:
        sections.append(
            Section(
                "整改办待办",
                round_,
                [
                    Figure(
                        "待核查",
                        pending.get(round_.pk, {}).get("n", 0),
                        _ledger(round_.pk, view="measures", status=MeasureStatus.DONE_PENDING),
                    ),
                    Figure(
                        "待我审批",
                        requests[round_.pk]["mine"],
                        _link("requests:round_requests", round_.pk, status="mine"),
                    ),
                    Figure(
                        "待他人审批",
                        requests[round_.pk]["others"],
                        _link("requests:round_requests", round_.pk, status="others"),
                    ),
                    Figure(
                        "超期",
                        overdue.get(round_.pk, {}).get("n", 0),
                        _ledger(round_.pk, view="measures", overdue="on"),
                        "red",
                    ),
                    Figure(
                        "督办单逾期",
                        notices.get(round_.pk, {}).get("n", 0),
                        _link("supervision:notice_list", round_.pk, status="overdue"),
                        "red",
                    ),
                    # A unit's reply waits for the office to close the notice or return it.
                    Figure(
                        "督办单待办结",
                        replied.get(round_.pk, {}).get("n", 0),
                        _link("supervision:notice_list", round_.pk, status="replied"),
                    ),
                    Figure(
                        "举一反三待审核",
                        answers.get(round_.pk, 0),
                        reverse("mechanisms:round_generalizations", args=[round_.pk])
                        + "#awaiting-review",
                    ),
                ],
            )
        )
    return sections


def _verifier_sections(actor, rounds) -> list[Section]:
    """A verification group's member: the measures of its rounds that wait to be verified
    (the office's own section counts them where it runs the round)."""
    checked = [r for r in rounds if actor.verifies(r) and not actor.runs(r)]
    if not checked:
        return []
    pending = _grouped(
        Measure.objects.filter(
            round__in=[r.pk for r in checked], status=MeasureStatus.DONE_PENDING
        ),
        n=Count("*"),
    )
    return [
        Section(
            "核查组待办",
            round_,
            [
                Figure(
                    "待核查",
                    pending.get(round_.pk, {}).get("n", 0),
                    _ledger(round_.pk, view="measures", status=MeasureStatus.DONE_PENDING),
                )
            ],
        )
        for round_ in checked
    ]


def _leader_sections(user, actor, rounds) -> list[Section]:
    """A leader's problems by light and its red measures, in the rounds it has problems in;
    and the requests waiting for it where it approves but does not run the round (the office
    section counts them there)."""
    deciding = [r for r in rounds if actor.approves(r) and not actor.runs(r)]
    problems: dict[int, dict] = {}
    red: dict[int, dict] = {}
    person = actor.person_id
    if actor.leads:
        ids = [r.pk for r in rounds]
        # A problem without measures shows no light, so it counts under none.
        lights = {
            light.value: Count("pk", filter=Q(has_measures(), lit_q(light.value)))
            for light in LIGHT_ORDER
        }
        problems = _grouped(
            Problem.objects.filter(round__in=ids, lead_leader_id=person),
            total=Count("pk"),
            **lights,
        )
        red = _grouped(
            Measure.objects.filter(lit_q("red"), round__in=ids, problem__lead_leader_id=person),
            n=Count("*"),
        )
    sections = []
    for round_ in rounds:
        counts = problems.get(round_.pk)
        waiting = requests_count(user, round_, "mine") if round_ in deciding else 0
        if not counts and not waiting:
            continue
        section = Section("领导待办", round_)
        if counts:
            mine = {"view": "problems", "leader": person}
            section.figures = [
                Figure(
                    f"{LIGHT_LABELS[light]}问题",
                    counts[light.value],
                    _ledger(round_.pk, **mine, light=light.value),
                    light.value,
                )
                for light in reversed(LIGHT_ORDER)
            ]
            section.figures.append(
                Figure(
                    "红灯措施",
                    red.get(round_.pk, {}).get("n", 0),
                    _ledger(round_.pk, view="measures", leader=person, light="red"),
                    "red",
                )
            )
        if round_ in deciding:
            section.figures.append(
                Figure(
                    "待我审批",
                    waiting,
                    _link("requests:round_requests", round_.pk, status="mine"),
                )
            )
        sections.append(section)
    return sections
