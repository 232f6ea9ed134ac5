"""A province-scale data set for load tests: a tree of political-legal units, their people,
and ten inspection rounds whose ledgers hold 20,000 problems and 100,000 measures at 1×.

Everything made here is marked so that it can be found and removed again: rounds by
ROUND_PREFIX in their name, units by the subtree under ROOT_NAME, logins by BENCH_USERS.
Rows go in with bulk_create, which skips save(), so paths, depths, positions and problem
statuses are computed here exactly as the models' save() would."""

import datetime
import itertools
import math
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Count

from zhenggai.authority.models import Organization, RoleAssignment
from zhenggai.authority.models import Role as R
from zhenggai.carryout.models import Evidence, ProgressReport, Reopening, Verification
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import (
    Category,
    Claim,
    Event,
    InspectionRound,
    Measure,
    MeasureCooperation,
    Person,
    Problem,
    Unit,
)
from zhenggai.ledger.services import default_deadlines
from zhenggai.mechanisms.models import Mechanism
from zhenggai.ops.accounts import remove_logins
from zhenggai.ops.generated_work import Work
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES, MeasureStatus, problem_status
from zhenggai.supervision.lights import refresh_lights

ROUND_PREFIX = "【压测】"
ROOT_NAME = "【压测】省委政法委"
BENCH_USERS = ("bench_admin", "bench_office", "bench_unit", "bench_leader")
# One login per unit, held by one of its people, submits the unit's progress reports.
REPORTER_PREFIX = "bench_reporter_"
BATCH = 5000
# Problems are written a chunk at a time so that their measures (≈5 each) fill one batch.
PROBLEM_CHUNK = 1000
# Share of all problems per round: one big round makes the ledger benchmark meaningful.
ROUND_WEIGHTS = [50, 12, 9, 7, 6, 5, 4, 3, 2, 2]
MAX_PROBLEMS_PER_CATEGORY = 9999  # Problem.number's validator

K = Unit.Kind
S = MeasureStatus
# Word lists, several to a line: the formatter would give every word a line of its own.
# fmt: off
CITIES = ["东州", "西江", "南屏", "北原", "临川", "安平"]
COUNTIES = [
    "青山", "白水", "长宁", "永和", "清河", "石门", "桃源", "云溪", "凤台", "龙泉", "丰乐", "新安",
    "广德", "宁远", "定南", "安福", "泰和", "兴国", "嘉禾", "临武", "宜章", "汝城", "桂东", "平江",
]
TOWNS = [
    "城关", "江口", "河西", "马坪", "花桥", "竹园", "黄沙", "杨柳", "沙溪", "高桥", "新市", "大同",
    "柏林", "金山", "梅花",
]
CATEGORY_TITLES = [
    "贯彻落实党中央决策部署和省委工作要求方面", "落实全面从严治党战略部署方面",
    "落实新时代党的组织路线方面", "落实巡视、审计等监督发现问题整改责任方面",
]
TOPICS = [
    "执法司法规范化建设", "扫黑除恶常态化", "矛盾纠纷多元化解", "教育整顿成果巩固", "基层社会治理",
    "信访积案化解", "涉案财物管理", "执法办案监督", "网格化服务管理", "平安建设", "意识形态工作",
    "党风廉政建设", "干部选拔任用", "基层党组织建设", "案件质量评查",
]
WEAKNESSES = [
    "推进不力", "落实不到位", "存在薄弱环节", "压力传导层层递减", "统筹协调不够", "制度执行不严格",
    "监督检查流于形式",
]
EFFECTS = [
    "部分任务进展缓慢", "群众获得感不强", "一些问题屡查屡犯", "长效机制尚未建立",
    "整改成效不够明显", "个别单位仍有反弹",
]
FACTS = ["未按期办结", "台账记录不全", "审批程序倒置", "超期未报", "重复发生", "整改材料不实"]
ACTIONS = ["制定", "修订完善", "开展", "组织", "建立健全", "专项督查"]
INSTRUMENTS = ["工作规则", "专项检查", "集中培训", "问题排查", "工作台账", "约谈提醒", "案件评查"]
FOLLOW_UPS = ["按月通报进展", "逐项对账销号", "纳入年度考核", "形成长效机制", "举一反三全面排查"]
DELIVERABLES = [
    "印发制度文件", "召开专题会议", "形成整改报告", "案件清零台账", "专项检查通报", "培训记录",
    "建立工作机制",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉玉兰晓东海波宁丹萍鹏飞雪梅"
STAFF_TITLES = ["科员", "一级科员", "副科长", "科长", "四级主任科员", "三级主任科员"]
# fmt: on
LEADER_TITLES = {
    K.COMMITTEE: "书记",
    K.OFFICE: "主任",
    K.COURT: "院长",
    K.PROCURATORATE: "检察长",
    K.PUBLIC_SECURITY: "局长",
    K.JUSTICE: "局长",
    K.TRIBUNAL: "庭长",
    K.POLICE_STATION: "所长",
    K.JUSTICE_OFFICE: "所长",
}


@dataclass
class Scale:
    persons: int
    problems: int
    measures: int

    @classmethod
    def of(cls, count: float) -> "Scale":
        problems = max(len(ROUND_WEIGHTS), round(20_000 * count))
        return cls(
            persons=max(10, round(2_000 * count)),
            problems=problems,
            measures=max(problems, round(100_000 * count)),
        )


def exists() -> bool:
    return (
        Unit.objects.filter(name=ROOT_NAME, parent=None).exists()
        or InspectionRound.objects.filter(name__startswith=ROUND_PREFIX).exists()
        or _bench_users().exists()
    )


def _bench_users():
    users = get_user_model().objects
    return users.filter(username__in=BENCH_USERS) | users.filter(
        username__startswith=REPORTER_PREFIX
    )


@transaction.atomic
def remove() -> None:
    """Leaves first: Problem.category, Unit.parent, the units of mechanisms and the users
    behind reports are PROTECT, so a cascade from the round or the root would refuse."""
    rounds = InspectionRound.objects.filter(name__startswith=ROUND_PREFIX)
    reports = ProgressReport.objects.filter(measure__round__in=rounds)
    Evidence.objects.filter(report__in=reports).delete()
    # Hundreds of thousands of rows that nothing else points at: Django's delete() would load
    # them all to look for dependants first, and the audit trail record each one.
    for model in (ProgressReport, Verification, Reopening):
        queryset = model.objects.filter(measure__round__in=rounds)
        queryset._raw_delete(queryset.db)
    events = Event.objects.filter(round__in=rounds)
    events._raw_delete(events.db)
    MeasureCooperation.objects.filter(measure__round__in=rounds).delete()
    Claim.objects.filter(problem__round__in=rounds).delete()
    for model in (Mechanism, Measure, Problem, Category):
        model.objects.filter(round__in=rounds).delete()
    rounds.delete()
    for root in Unit.objects.filter(name=ROOT_NAME, parent=None):
        subtree = Unit.objects.filter(path__startswith=root.path)
        Mechanism.objects.filter(issuing_unit__in=subtree).delete()
        Person.objects.filter(unit__in=subtree).delete()
        RoleAssignment.objects.filter(organization=root.organization_id).delete()
        for depth in sorted(set(subtree.values_list("depth", flat=True)), reverse=True):
            subtree.filter(depth=depth).delete()
        Organization.objects.filter(pk=root.organization_id).delete()
    remove_logins(_bench_users())


def _tree() -> tuple:
    """(name, kind, children): 300 units, four levels deep."""
    counties = iter(COUNTIES)
    towns = itertools.cycle(TOWNS)

    def unit(name: str, kind: str, suffix: str = "", child_kind: str = "", n: int = 0):
        """A county unit and its grass-roots units, named after their towns."""
        return (name, kind, [(f"{name}{next(towns)}{suffix}", child_kind, []) for _ in range(n)])

    cities = []
    for city in CITIES:
        children = [
            unit(f"{city}市中级人民法院", K.COURT),
            unit(f"{city}市人民检察院", K.PROCURATORATE),
            unit(f"{city}市公安局", K.PUBLIC_SECURITY),
            unit(f"{city}市司法局", K.JUSTICE),
        ]
        for _ in range(4):
            county = next(counties) + "县"
            children += [
                unit(f"{county}人民法院", K.COURT, "人民法庭", K.TRIBUNAL, 2),
                unit(f"{county}人民检察院", K.PROCURATORATE),
                unit(f"{county}公安局", K.PUBLIC_SECURITY, "派出所", K.POLICE_STATION, 3),
                unit(f"{county}司法局", K.JUSTICE, "司法所", K.JUSTICE_OFFICE, 2),
            ]
        cities.append((f"{city}市委政法委", K.COMMITTEE, children))
    province = [
        ("省委政法委整改办", K.OFFICE, []),
        ("省高级人民法院", K.COURT, []),
        ("省人民检察院", K.PROCURATORATE, []),
        ("省公安厅", K.PUBLIC_SECURITY, []),
        ("省司法厅", K.JUSTICE, []),
    ]
    return (ROOT_NAME, K.COMMITTEE, province + cities)


def _create_units() -> list[Unit]:
    """One level at a time: a unit's path needs its parent's path and its own pk. The tree is
    an organization of its own."""
    organization = Organization.objects.create(name=ROOT_NAME)
    units: list[Unit] = []
    level = [(_tree(), None, 0)]
    while level:
        created = Unit.objects.bulk_create(
            [
                Unit(name=n, kind=k, parent=p, order=o, organization=organization)
                for (n, k, _), p, o in level
            ]
        )
        for unit in created:
            unit.path = (unit.parent.path if unit.parent else "") + f"{unit.pk:06d}/"
            unit.depth = unit.path.count("/")
        Unit.objects.bulk_update(created, ["path", "depth"])
        units += created
        level = [
            (child, unit, order)
            for ((_, _, children), _, _), unit in zip(level, created, strict=True)
            for order, child in enumerate(children)
        ]
    return units


class _Builder:
    def __init__(self, rng: random.Random, scale: Scale, today: datetime.date):
        self.rng, self.scale, self.today = rng, scale, today
        self.calendar = work_calendar()

    def people(self, units: list[Unit], password: str) -> tuple[list[Person], object]:
        """One leader per unit while people last, the rest spread at random; and the logins."""
        rng = self.rng
        people = []
        for i in range(self.scale.persons):
            unit = units[i] if i < len(units) else rng.choice(units)
            leader = i < len(units) or rng.random() < 0.1
            title = LEADER_TITLES.get(unit.kind, "负责人") if leader else rng.choice(STAFF_TITLES)
            if leader and rng.random() < 0.5:
                title = "副" + title
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            people.append(Person(name=name, title=title, unit=unit, is_leader=leader))
        people = Person.objects.bulk_create(people, batch_size=BATCH)
        # One hash for all three: hashing is deliberately slow.
        hashed = make_password(password)
        User = get_user_model()
        _, office, unit_user = User.objects.bulk_create(
            [
                User(username="bench_admin", password=hashed, is_staff=True, is_superuser=True),
                User(username="bench_office", password=hashed),
                User(username="bench_unit", password=hashed),
            ]
        )
        county_bureau = next(u for u in units if u.name.endswith("县公安局"))
        Person.objects.bulk_create(
            [
                Person(name="压测整改办", title="主任", unit=units[0], is_leader=True, user=office),
                Person(name="压测县局", title="科长", unit=county_bureau, user=unit_user),
            ]
        )
        self.reporters = self._reporters(people, hashed)
        roles = [(office.pk, R.OFFICE, units[0]), (office.pk, R.LEADER, units[0])]
        roles.append((unit_user.pk, R.REPORTER, county_bureau))
        by_pk = {unit.pk: unit for unit in units}
        roles += [(user, R.REPORTER, by_pk[unit]) for unit, user in self.reporters.items()]
        RoleAssignment.objects.bulk_create(
            [
                RoleAssignment(
                    user_id=user, role=role, unit=unit, organization_id=unit.organization_id
                )
                for user, role, unit in roles
            ],
            batch_size=BATCH,
        )
        self.office_user, self.office_unit = office, units[0]
        self.hashed = hashed
        return people, office

    def _reporters(self, people: list[Person], hashed: str) -> dict[int, int]:
        """A login for one person of each unit (staff before leaders), which reports for it."""
        holders: dict[int, Person] = {}
        for person in sorted(people, key=lambda p: p.is_leader):
            holders.setdefault(person.unit_id, person)
        User = get_user_model()
        users = User.objects.bulk_create(
            [
                User(username=f"{REPORTER_PREFIX}{i:03d}", password=hashed)
                for i in range(len(holders))
            ]
        )
        for person, user in zip(holders.values(), users, strict=True):
            person.user = user
        Person.objects.bulk_update(holders.values(), ["user"], batch_size=BATCH)
        return {unit_id: person.user_id for unit_id, person in holders.items()}

    def leader_login(self, round_: InspectionRound) -> None:
        """bench_leader: a leader of its own who takes over every problem of the leader that
        leads the most problems of the round, with the leader role for that leader's unit."""
        top = (
            Problem.objects.filter(round=round_)
            .values("lead_leader")
            .annotate(n=Count("pk"))
            .order_by("-n", "lead_leader")
            .first()
        )
        replaced = Person.objects.get(pk=top["lead_leader"])
        user = get_user_model().objects.create(username="bench_leader", password=self.hashed)
        person = Person.objects.create(
            name="压测领导", title=replaced.title, unit=replaced.unit, is_leader=True, user=user
        )
        Problem.objects.filter(lead_leader=replaced).update(lead_leader=person)
        RoleAssignment.objects.create(
            user=user, role=R.LEADER, unit=person.unit, organization_id=person.unit.organization_id
        )

    def rounds(self, units: list[Unit]) -> list[tuple[InspectionRound, list[Category], int]]:
        """Ten rounds, the biggest first and most recent; feedback dates reach back two years."""
        shares = _apportion(self.scale.problems, ROUND_WEIGHTS)
        # The inspected organization runs its own rectification; the root office oversees all.
        orgs = [units[0]] + [u for u in units if u.depth == 2 and u.kind != K.OFFICE]
        kinds = list(InspectionRound.Kind)
        made = []
        for i, n in enumerate(shares):
            org = orgs[i % len(orgs)]
            org_name = org.name.removeprefix(ROUND_PREFIX)
            feedback = self.today - datetime.timedelta(days=90 + 70 * i)
            round_ = InspectionRound(
                name=f"{ROUND_PREFIX}省委第{i + 1}巡视组对{org_name}党组织巡视反馈意见整改",
                kind=kinds[i % len(kinds)],
                team=f"省委第{i + 1}巡视组",
                organization=f"{org_name}党组织",
                office=org,
                visit_start=feedback - datetime.timedelta(days=75),
                visit_end=feedback - datetime.timedelta(days=30),
                feedback_date=feedback,
            )
            default_deadlines(round_)
            if round_.rectification_deadline >= self.today:
                round_.status = InspectionRound.Status.CONCENTRATED
            elif i < 7:
                round_.status = InspectionRound.Status.ONGOING
            else:
                round_.status = InspectionRound.Status.FINISHED
            round_.save()
            ncat = max(4, math.ceil(n / MAX_PROBLEMS_PER_CATEGORY))
            categories = Category.objects.bulk_create(
                [
                    Category(round=round_, number=c + 1, title=_category_title(c))
                    for c in range(ncat)
                ]
            )
            made.append((round_, categories, n))
        return made

    def ledger(self, rounds, units: list[Unit], people: list[Person], office_user) -> dict:
        rng = self.rng
        counts = [1] * self.scale.problems
        for _ in range(self.scale.measures - self.scale.problems):
            counts[rng.randrange(len(counts))] += 1
        self.responsible = [u for u in units if 2 <= u.depth <= 3 and u.kind != K.OFFICE]
        self.anywhere = units[1:]
        self.children = {}
        for unit in units:
            self.children.setdefault(unit.parent_id, []).append(unit)
        self.staff, self.leaders = {}, {}
        for person in people:
            group = self.leaders if person.is_leader else self.staff
            group.setdefault(person.unit_id, []).append(person)
        self.all_leaders = [p for p in people if p.is_leader]
        self.work = Work(rng, self.today, self.office_user, self.office_unit, self.reporters)
        totals = {"problems": 0, "measures": 0, "cooperations": 0, "claims": 0}
        index = 0
        for round_, categories, n in rounds:
            plan = []
            for i in range(n):
                category = categories[i * len(categories) // n]
                plan.append((category, counts[index]))
                index += 1
            numbers = {c.pk: 0 for c in categories}
            for start in range(0, n, PROBLEM_CHUNK):
                chunk = plan[start : start + PROBLEM_CHUNK]
                for key, value in self._chunk(round_, chunk, numbers, office_user).items():
                    totals[key] += value
        return totals | vars(self.work.done)

    def _chunk(self, round_, chunk, numbers, office_user) -> dict:
        rng = self.rng
        problems, measures = [], []
        for category, n_measures in chunk:
            numbers[category.pk] += 1
            problem = self._problem(round_, category, numbers[category.pk])
            problem.planned = [self._measure(round_, problem, m + 1) for m in range(n_measures)]
            problem.status = problem_status(m.status for m in problem.planned)
            if problem.status == S.CLOSED:
                problem.closed_on = max(m.closed_on for m in problem.planned)
            problems.append(problem)
        Problem.objects.bulk_create(problems, batch_size=BATCH)
        for problem in problems:
            for measure in problem.planned:
                measure.problem = problem
                measures.append(measure)
        Measure.objects.bulk_create(measures, batch_size=BATCH)
        cooperations = [
            MeasureCooperation.of(measure, unit)
            for measure in measures
            if rng.random() < 0.3
            for unit in _sample_without(rng, self.anywhere, rng.choice((1, 1, 2, 3)), measure)
        ]
        MeasureCooperation.objects.bulk_create(cooperations, batch_size=BATCH)
        claims = []
        for problem in problems:
            if rng.random() < 0.05:
                for leader in rng.sample(self.all_leaders, rng.choice((1, 1, 2))):
                    claims.append(
                        Claim(
                            problem=problem,
                            person=leader,
                            unit_id=leader.unit_id,
                            note="主动认领，牵头推进整改。",
                            claimed_by=office_user,
                        )
                    )
        Claim.objects.bulk_create(claims, batch_size=BATCH)
        self.work.record(round_, problems, measures)
        return {
            "problems": len(problems),
            "measures": len(measures),
            "cooperations": len(cooperations),
            "claims": len(claims),
        }

    def _problem(self, round_, category, number) -> Problem:
        rng = self.rng
        unit = rng.choice(self.responsible)
        leaders = self.leaders.get(unit.pk) or self.all_leaders
        topic = rng.choice(TOPICS)
        text = f"{topic}{rng.choice(WEAKNESSES)}，{rng.choice(EFFECTS)}。"
        facts = [
            f"{rng.choice(self.anywhere).name}{2020 + rng.randrange(6)}年以来"
            f"{rng.randrange(2, 60)}件{topic}相关事项{rng.choice(FACTS)}。"
            for _ in range(rng.randrange(1, 4))
        ]
        problem = Problem(
            round=round_,
            category=category,
            number=number,
            text=text,
            manifestations="".join(facts),
            source=rng.choices(list(Problem.Source), weights=(70, 12, 8, 5, 5))[0],
            is_key=rng.random() < 0.1,
            lead_leader=rng.choice(leaders),
            lead_unit=unit,
            position=category.number * 100_000 + number,
        )
        # Not fields: the measures' texts speak of the same topic and move at the same pace.
        problem.topic, problem.pace = topic, rng.random()
        return problem

    def _measure(self, round_, problem, number) -> Measure:
        """Lead units reach down to the grass roots; deadlines fall around today."""
        rng = self.rng
        roll = rng.random()
        below = self.children.get(problem.lead_unit.pk)
        if roll < 0.4:
            unit = problem.lead_unit
        elif roll < 0.7 and below:
            unit = rng.choice(below)
            unit = rng.choice(self.children.get(unit.pk) or [unit])
        else:
            unit = rng.choice(self.anywhere)
        kind = rng.choices(list(Measure.Kind), weights=(20, 65, 15))[0]
        deadline = round_.feedback_date + datetime.timedelta(days=rng.randrange(10, 365))
        if kind == Measure.Kind.IMMEDIATE:
            deadline = round_.feedback_date + datetime.timedelta(days=rng.randrange(5, 30))
        elif kind == Measure.Kind.ONGOING and rng.random() < 0.5:
            deadline = None
        staff = self.staff.get(unit.pk) or self.leaders.get(unit.pk)
        measure = Measure(
            round=round_,
            number=number,
            text=f"{rng.choice(ACTIONS)}{problem.topic}{rng.choice(INSTRUMENTS)}，"
            f"{rng.choice(FOLLOW_UPS)}。",
            kind=kind,
            deadline=deadline,
            deliverable=rng.choice(DELIVERABLES),
            status=self._status(kind, deadline, problem.pace),
            lead_unit=unit,
            person_in_charge=rng.choice(staff) if staff else None,
            position=problem.position * 1000 + number,
        )
        self._track(round_, measure)
        self.work.decide_rebound(measure)
        return measure

    def _track(self, round_, measure: Measure) -> None:
        """What progress reports would have left on the measure; lights come after, from the
        same refresh the daily tick runs."""
        rng, today = self.rng, self.today
        if measure.status != S.NOT_STARTED:
            span = max(1, min(60, (today - round_.feedback_date).days))
            measure.last_reported_on = today - datetime.timedelta(days=rng.randrange(span))
        if measure.status in CLOSED_MEASURE_STATUSES:
            measure.closed_on = measure.last_reported_on

    def _status(self, kind, deadline, pace: float) -> str:
        """A problem's measures move together (its pace, 0…1), and the longer a deadline is
        past, the likelier the work is done: this gives every problem status and some overdue."""
        rng = self.rng
        if kind == Measure.Kind.ONGOING and rng.random() < 0.5:
            return S.ONGOING
        late = (self.today - deadline).days if deadline else -1
        if late < 0:
            done, closed = 0.5 * pace, 0.3
        elif late < 180:
            done, closed = 0.3 + 0.6 * pace, 0.5
        else:
            done, closed = 0.8 + 0.2 * pace, 0.9
        if rng.random() < done:
            return S.CLOSED if rng.random() < closed else S.DONE_PENDING
        if rng.random() < 0.6 * (1 - pace):
            return S.NOT_STARTED
        return S.RETURNED if rng.random() < 0.1 else S.IN_PROGRESS


def _apportion(total: int, weights: list[int]) -> list[int]:
    """Largest remainders, so the shares add up to exactly `total`; at tiny totals the first
    (biggest) share gives one to each share that would be empty."""
    raw = [total * w / sum(weights) for w in weights]
    shares = [math.floor(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    for i, share in enumerate(shares):
        if share == 0:
            shares[i], shares[0] = 1, shares[0] - 1
    return shares


def _category_title(index: int) -> str:
    return CATEGORY_TITLES[index] if index < len(CATEGORY_TITLES) else f"其他方面（{index + 1}）"


def _sample_without(rng: random.Random, units: list[Unit], k: int, measure: Measure) -> list:
    """Cooperating units differ from the lead unit (services drop it too)."""
    return [u for u in rng.sample(units, k + 1) if u.pk != measure.lead_unit_id][:k]


def generate(count: float, seed: int, password: str, today: datetime.date) -> dict:
    builder = _Builder(random.Random(seed), Scale.of(count), today)
    with transaction.atomic():
        units = _create_units()
        people, office_user = builder.people(units, password)
        rounds = builder.rounds(units)
        totals = builder.ledger(rounds, units, people, office_user)
        builder.leader_login(rounds[0][0])
        generated = [round_ for round_, _, _ in rounds]
        refresh_lights(Measure.objects.filter(round__in=generated), today, every_problem=True)
    # Right after a bulk load neither database has statistics (PostgreSQL's autovacuum comes
    # round later, SQLite's daily tick), and plans made blind are many times slower.
    # PostgreSQL is vacuumed too, as its autovacuum would on a running site: without the
    # visibility map an index-only scan reads the table as well. VACUUM cannot run inside a
    # transaction, as the tests run gen; there ANALYZE alone does.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return {"units": len(units), "persons": len(people) + 3, "rounds": len(rounds), **totals}
