"""What the units and the office did with the generated ledger: progress reports (five per
measure at any scale, so 500,000 at 1×), verifications behind every close-out and every
return, rebounds with their reopening, lasting mechanisms for half of the closed problems,
and extension requests: one measure with a deadline in fifty extended (its generated
deadline is the approved one, the committed one earlier), as many again asked in vain or
waiting for the office.

The generator's builder decides statuses; this module writes the records that the services
would have left behind for those statuses, as the services would have written them: the last
report's date is the measure's last_reported_on, a closed measure has a passing verification
beyond a briefing by the office on its closed_on, a returned one a failing verification."""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from zhenggai.carryout.models import ProgressReport, Reopening, Verification
from zhenggai.ledger.models import Measure, Problem
from zhenggai.mechanisms.models import Mechanism
from zhenggai.requests.models import ExtensionRequest
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES, DONE_MEASURE_STATUSES, MeasureStatus

S = MeasureStatus
V = Verification.Method
REPORTS_PER_MEASURE = 5
BATCH = 5000
EXTENDED = ASKED_IN_VAIN = 0.02
# fmt: off
DONE_STEPS = [
    "召开专题会议研究部署", "制定工作方案并明确责任分工", "完成问题线索全面排查",
    "组织业务骨干集中培训", "开展案件评查", "建立问题清单和整改台账",
    "修订完善相关制度", "对照标准逐项自查",
]
NEXT_STEPS = [
    "下一步将按月通报进展", "下一步将开展回头看", "下一步将纳入年度考核", "下一步将固化为长效机制",
]
FINDINGS = [
    "查阅整改台账和佐证材料，资料齐全", "实地查看整改现场，整改措施已落实",
    "个别谈话了解情况，反映良好", "走访群众，群众认可整改成效", "抽查相关案卷，未发现同类问题",
]
SHORTFALLS = ["佐证材料不足以证明整改到位", "实地查看发现问题仍然存在", "整改措施停留在文件层面"]
MECHANISM_NAMES = ["工作规则", "管理办法", "实施细则", "工作规范", "监督制约机制", "考核办法"]
EXTENSION_REASONS = [
    "专项经费尚待批复", "涉及多部门协调，需上级统筹", "案件办理周期较长", "信息系统建设尚未验收",
]
# fmt: on


@dataclass
class Done:
    reports: int = 0
    verifications: int = 0
    reopenings: int = 0
    mechanisms: int = 0
    extensions: int = 0


class Work:
    def __init__(
        self, rng: random.Random, today: datetime.date, office_user, office_unit, reporters
    ):
        """`reporters` maps a unit's pk to the login that reports for it; at a small --count
        some units have no people, and the office reports for them."""
        self.rng, self.today = rng, today
        self.office_user, self.office_unit = office_user, office_unit
        self.reporters = reporters
        self.done = Done()
        # Its own sequence, seeded from the shared one without drawing from it: the rest of
        # the data set stays what it was before there were extensions.
        self.extension_rng = random.Random(str(rng.getstate()[1][:4]))

    def decide_rebound(self, measure: Measure) -> None:
        """One closed measure in a hundred was found again after close-out and reopened: it
        is in progress now and remembers when it was closed (not a field until saved)."""
        measure.rebound_from = None
        if measure.status == S.CLOSED and self.rng.random() < 0.01:
            measure.rebound_from = measure.closed_on
            measure.status, measure.closed_on = S.IN_PROGRESS, None

    def record(self, round_, problems: list[Problem], measures: list[Measure]) -> None:
        """The records behind one chunk of the ledger, saved measures and problems."""
        self._reports(round_, measures)
        self._verifications(round_, problems, measures)
        self._rebounds(measures)
        self._mechanisms(round_, problems)
        self._extensions(round_, measures)

    def _reports(self, round_, measures: list[Measure]) -> None:
        reported = [m for m in measures if m.last_reported_on]
        if not reported:
            return
        counts = [1] * len(reported)
        for _ in range(max(0, REPORTS_PER_MEASURE * len(measures) - len(reported))):
            counts[self.rng.randrange(len(counts))] += 1
        rows = []
        for measure, n in zip(reported, counts, strict=True):
            rows += self._reports_of(round_, measure, n)
        ProgressReport.objects.bulk_create(rows, batch_size=BATCH)
        self.done.reports += len(rows)

    def _reports_of(self, round_, measure: Measure, n: int) -> list[ProgressReport]:
        """n reports, the last on last_reported_on, the earlier ones a rhythm apart (never
        before feedback); the percentage grows to the last report's."""
        rng = self.rng
        done = measure.status in (S.DONE_PENDING, S.CLOSED) or measure.rebound_from
        final = 100 if done else rng.randrange(10, 95)
        rows = []
        for i in range(n):
            last = i == n - 1
            back = 0 if last else (n - 1 - i) * round_.rhythm_days + rng.randrange(0, 3)
            day = max(round_.feedback_date, measure.last_reported_on - datetime.timedelta(back))
            rows.append(
                ProgressReport(
                    measure_id=measure.pk,
                    as_of=day,
                    text=f"{rng.choice(DONE_STEPS)}，{rng.choice(DONE_STEPS)}。"
                    + ("" if last and done else f"{rng.choice(NEXT_STEPS)}。"),
                    status=ProgressReport.Status.DONE if last and done else "in_progress",
                    percent=final * (i + 1) // n,
                    submitted_by_id=self.reporters.get(measure.lead_unit_id, self.office_user.pk),
                )
            )
        return rows

    def _verifications(self, round_, problems: list[Problem], measures: list[Measure]) -> None:
        key = {p.pk for p in problems if p.is_key}
        rows = []
        for measure in measures:
            if measure.status in CLOSED_MEASURE_STATUSES:
                rows.append(self._passing(measure, measure.closed_on, measure.problem_id in key))
            elif measure.rebound_from:
                rows.append(self._passing(measure, measure.rebound_from, True))
            elif measure.status == S.RETURNED:
                rows.append(self._failing(measure))
        Verification.objects.bulk_create(rows, batch_size=BATCH)
        self.done.verifications += len(rows)

    def _passing(self, measure: Measure, day, key: bool) -> Verification:
        """Always beyond a briefing; on the spot for key problems, often for the rest."""
        rng = self.rng
        extra = rng.sample([V.INTERVIEW, V.VISIT_PUBLIC, V.SPOT_CHECK], rng.randrange(0, 2))
        on_site = [V.ON_SITE] if key or rng.random() < 0.6 else []
        methods = [V.BRIEFING, V.DOCUMENT_REVIEW, *on_site, *extra]
        return self._verification(measure, day, methods, "pass", rng.choice(FINDINGS))

    def _failing(self, measure: Measure) -> Verification:
        day = min(self.today, measure.last_reported_on + datetime.timedelta(days=3))
        findings = self.rng.choice(SHORTFALLS)
        return self._verification(measure, day, [V.DOCUMENT_REVIEW, V.ON_SITE], "fail", findings)

    def _verification(self, measure, day, methods, result, findings) -> Verification:
        # bulk_create skips save(), which derives these two from the methods.
        return Verification(
            measure_id=measure.pk,
            methods=[str(m) for m in methods],
            briefing_only=set(methods) == {V.BRIEFING},
            on_site=V.ON_SITE in methods,
            verifier=self.office_user,
            verifier_unit=self.office_unit,
            verified_on=day,
            findings=f"{findings}。",
            result=result,
        )

    def _rebounds(self, measures: list[Measure]) -> None:
        rows = [
            Reopening(
                measure_id=m.pk,
                reason="回头看发现问题变异反弹，重新整改。",
                is_rebound=True,
                previous_status=S.CLOSED,
                previously_closed_on=m.rebound_from,
                reopened_by=self.office_user,
            )
            for m in measures
            if m.rebound_from
        ]
        Reopening.objects.bulk_create(rows, batch_size=BATCH)
        self.done.reopenings += len(rows)

    def _mechanisms(self, round_, problems: list[Problem]) -> None:
        rng = self.rng
        chosen = [p for p in problems if p.status == S.CLOSED and rng.random() < 0.5]
        mechanisms = Mechanism.objects.bulk_create(
            [self._mechanism(round_, p, i) for i, p in enumerate(chosen)], batch_size=BATCH
        )
        Mechanism.problems.through.objects.bulk_create(
            [
                Mechanism.problems.through(mechanism_id=m.pk, problem_id=p.pk)
                for m, p in zip(mechanisms, chosen, strict=True)
            ],
            batch_size=BATCH,
        )
        self.done.mechanisms += len(mechanisms)

    def _mechanism(self, round_, problem: Problem, index: int) -> Mechanism:
        rng = self.rng
        unit = problem.lead_unit
        kind = rng.choices(list(Mechanism.Kind), weights=(60, 25, 15))[0]
        number = self.done.mechanisms + index + 1
        return Mechanism(
            round=round_,
            name=f"{unit.name}{problem.topic}{rng.choice(MECHANISM_NAMES)}",
            kind=kind,
            document_number=f"{unit.name[:2]}发〔{problem.closed_on.year}〕{number}号",
            issuing_unit=unit,
            issued_on=problem.closed_on,
            description=f"针对{problem.topic}方面的问题，明确责任分工、工作流程和监督措施。",
            created_by=self.office_user,
        )

    def _extensions(self, round_, measures: list[Measure]) -> None:
        rng, now = self.extension_rng, timezone.now()
        extended, rows = [], []
        for measure in measures:
            if measure.deadline is None:
                continue
            roll = rng.random()
            if roll >= EXTENDED + ASKED_IN_VAIN:
                continue
            row = ExtensionRequest(
                round=round_,
                measure_id=measure.pk,
                current_deadline=measure.deadline,
                new_deadline=measure.deadline + datetime.timedelta(days=rng.randrange(30, 91)),
                reason=f"{rng.choice(EXTENSION_REASONS)}，原定时限内难以完成。",
                asked_by_id=self.reporters.get(measure.lead_unit_id, self.office_user.pk),
                decided_by=self.office_user,
                decided_at=now,
                status=ExtensionRequest.Status.REFUSED,
                decision_note="按原定时限完成。",
            )
            committed = measure.deadline - datetime.timedelta(days=rng.randrange(15, 91))
            if roll < EXTENDED and committed > round_.feedback_date:
                measure.original_deadline = committed
                extended.append(measure)
                row.current_deadline, row.new_deadline = committed, measure.deadline
                row.status, row.decision_note = ExtensionRequest.Status.APPROVED, "同意。"
            elif measure.status not in DONE_MEASURE_STATUSES and rng.random() < 0.5:
                row.status, row.decision_note = ExtensionRequest.Status.PENDING, ""
                row.decided_by, row.decided_at = None, None
            rows.append(row)
        Measure.objects.bulk_update(extended, ["original_deadline"], batch_size=BATCH)
        ExtensionRequest.objects.bulk_create(rows, batch_size=BATCH)
        self.done.extensions += len(rows)
