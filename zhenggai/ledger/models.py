"""The ledger: rounds of inspection, their problems, the measures against them and who answers
for each. Names follow GLOSSARY.md."""

from django.conf import settings
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from zhenggai.ledger.expressions import UtcHour
from zhenggai.rules.deadlines import LIGHT_LABELS, Light
from zhenggai.rules.status import (
    MEASURE_STATUS_CHOICES,
    PROBLEM_STATUS_CHOICES,
    MeasureStatus,
    ProblemStatus,
)

NO_NUL = [ProhibitNullCharactersValidator()]


def text_limit(length: int) -> list:
    """A TextField's max_length only sizes the form widget; these make every caller of
    full_clean() (services, API, importer) keep the limit and refuse NUL characters, which
    PostgreSQL cannot store."""
    return [MaxLengthValidator(length), *NO_NUL]


LIGHT_CHOICES = [(light.value, label) for light, label in LIGHT_LABELS.items()]


class Unit(models.Model):
    """A unit of an organization's tree, of any depth: 市委 → 政法委 → 法院 → 基层法庭 …"""

    class Kind(models.TextChoices):
        OFFICE = "office", "整改办/督查室"
        COMMITTEE = "committee", "党委/政法委"
        COURT = "court", "法院"
        PROCURATORATE = "procuratorate", "检察院"
        PUBLIC_SECURITY = "public_security", "公安局"
        JUSTICE = "justice", "司法局"
        TRIBUNAL = "tribunal", "基层法庭"
        POLICE_STATION = "police_station", "派出所"
        JUSTICE_OFFICE = "justice_office", "司法所"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=100, validators=NO_NUL)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # The root of the tree it belongs to: set by save(), the same for a whole tree, so that
    # "the same organization" is a comparison of two columns.
    organization = models.ForeignKey(
        "authority.Organization",
        verbose_name="组织",
        on_delete=models.PROTECT,
        related_name="units",
        editable=False,
    )
    # Materialized path ("000001/000007/"): a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=1)
    order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "单位"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self._take_organization()
        if self.pk is None:
            super().save(*args, **kwargs)
            kwargs = {}
        old_path = self.path
        self.path = (self.parent.path if self.parent else "") + f"{self.pk:06d}/"
        self.depth = self.path.count("/")
        fields = ["name", "kind", "parent", "organization", "path", "depth", "order"]
        super().save(update_fields=fields)
        if old_path and old_path != self.path:
            self._move_descendants(old_path)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.pk and self.parent_id:
            if self.parent.path.startswith(self.path):
                raise ValidationError({"parent": "上级单位不能是本单位或其下级单位。"})
            if self.parent.organization_id != self.organization_id:
                raise ValidationError({"parent": "不能把单位移到另一个组织之下。"})

    def _take_organization(self) -> None:
        """A unit belongs to its parent's organization; a new root unit founds one of its
        own name."""
        if self.parent_id:
            self.organization_id = self.parent.organization_id
        elif self.organization_id is None:
            from zhenggai.authority.models import Organization

            self.organization = Organization.objects.create(name=self.name)

    def _move_descendants(self, old_path: str) -> None:
        for unit in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            unit.path = self.path + unit.path[len(old_path) :]
            unit.depth = unit.path.count("/")
            unit.save(update_fields=["path", "depth"])

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)


class Person(models.Model):
    """A leader or staff member; linked to a login when the person uses zhenggai."""

    name = models.CharField("姓名", max_length=50, validators=NO_NUL)
    title = models.CharField("职务", max_length=100, blank=True, validators=NO_NUL)
    unit = models.ForeignKey(Unit, verbose_name="所在单位", on_delete=models.PROTECT)
    is_leader = models.BooleanField("领导班子成员", default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = verbose_name_plural = "人员"
        ordering = ["unit__path", "-is_leader", "name"]

    def __str__(self) -> str:
        return self.label(self.name, self.title)

    @staticmethod
    def label(name: str, title: str) -> str:
        return f"{name}（{title}）" if title else name


class InspectionRound(models.Model):
    class Kind(models.TextChoices):
        XUNSHI = "xunshi", "巡视"
        XUNCHA = "xuncha", "巡察"
        SPECIAL = "special", "专项巡视"
        FOLLOW_UP = "follow_up", "回头看"

    class Status(models.TextChoices):
        PREPARING = "preparing", "准备中"
        CONCENTRATED = "concentrated", "集中整改"
        ONGOING = "ongoing", "常态化整改"
        FINISHED = "finished", "已完成"

    name = models.CharField("轮次名称", max_length=200, validators=NO_NUL)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.XUNSHI)
    team = models.CharField("巡视（巡察）组", max_length=100, validators=NO_NUL)
    organization = models.CharField("被巡视（巡察）党组织", max_length=100, validators=NO_NUL)
    office = models.ForeignKey(
        Unit,
        verbose_name="整改牵头单位",
        on_delete=models.PROTECT,
        related_name="supervised_rounds",
        help_text="负责本轮整改的单位；该单位及其上级单位的用户可以看到本轮全部内容。",
    )
    visit_start = models.DateField("进驻日期", null=True, blank=True)
    visit_end = models.DateField("结束日期", null=True, blank=True)
    feedback_date = models.DateField("反馈日期")
    rectification_deadline = models.DateField("集中整改期限", blank=True)
    report_deadline = models.DateField("整改报告报送期限", blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.CONCENTRATED
    )
    rhythm_days = models.PositiveSmallIntegerField(
        "集中整改期报送周期（天）",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="集中整改期内，超过这么多天没有报送进展的措施视为未按期报送。",
    )
    rhythm_days_after = models.PositiveSmallIntegerField(
        "常态化整改期报送周期（天）",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
    )
    due_soon_workdays = models.PositiveSmallIntegerField(
        "临期预警（工作日）",
        default=5,
        validators=[MaxValueValidator(60)],
        help_text="距完成时限不足这么多个工作日时亮黄灯。",
    )
    onsite_required_for_key = models.BooleanField(
        "重点问题须实地核查", default=True, help_text="重点问题的措施销号前必须有实地核查。"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # Every edit through the services moves it on by one, and an edit made on an older
    # version is refused (zhenggai.ledger.versions): two people cannot overwrite each other.
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "巡视轮次"
        ordering = ["-feedback_date", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def inspection(self) -> str:
        """A 巡察 (sent by a city or county committee) speaks of 巡察组, a 巡视 of 巡视组."""
        return self.word_for([self.kind])

    @classmethod
    def word_for(cls, kinds) -> str:
        """What rounds of these kinds are called together: 巡察 when each is a 巡察, 巡视巡察
        when both are among them, 巡视 otherwise (none at all included)."""
        words = {"巡察" if kind == cls.Kind.XUNCHA else "巡视" for kind in kinds}
        return "巡视巡察" if len(words) > 1 else words.pop() if words else "巡视"

    def in_own_words(self, text: str) -> str:
        """A label written for a 巡视 (巡视反馈), as this round speaks."""
        return text.replace("巡视", self.inspection)

    @property
    def team_label(self) -> str:
        return f"{self.inspection}组"

    @property
    def inspected_label(self) -> str:
        return f"被{self.inspection}党组织"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.visit_start and self.visit_end and self.visit_end < self.visit_start:
            errors["visit_end"] = "结束日期不能早于进驻日期。"
        if self.visit_end and self.feedback_date and self.feedback_date < self.visit_end:
            errors["feedback_date"] = f"反馈日期不能早于{self.inspection}结束日期。"
        for field in ("rectification_deadline", "report_deadline"):
            value = getattr(self, field)
            if value and self.feedback_date and value < self.feedback_date:
                errors[field] = "期限不能早于反馈日期。"
        if errors:
            raise ValidationError(errors)


class Category(models.Model):
    """方面: a heading the findings are grouped under."""

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="categories"
    )
    number = models.PositiveSmallIntegerField("序号", validators=[MaxValueValidator(999)])
    title = models.CharField("方面", max_length=200, validators=NO_NUL)

    class Meta:
        verbose_name = verbose_name_plural = "问题方面"
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"],
                name="category_number_unique",
                violation_error_message="本轮已有相同序号的方面。",
            )
        ]

    def __str__(self) -> str:
        return self.label(self.number, self.title)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        base = self.number * 100_000
        Problem.objects.filter(category=self).update(position=base + F("number"))
        problem_position = Problem.objects.filter(pk=OuterRef("problem")).values("position")
        Measure.objects.filter(problem__category=self).update(
            position=Subquery(problem_position) * 1000 + F("number")
        )

    @staticmethod
    def label(number: int, title: str) -> str:
        return f"{number}. {title}"


class ProblemQuerySet(models.QuerySet):
    def visible_to(self, user):
        from zhenggai.ledger.policy import problem_scope

        return self.filter(problem_scope(user))


class Problem(models.Model):
    class Source(models.TextChoices):
        FEEDBACK = "feedback", "巡视反馈"
        SELF_FOUND = "self_found", "自查发现"
        OPINION = "opinion", "征求意见"
        CRITICISM = "criticism", "批评意见"
        FOLLOW_UP = "follow_up", "回头看"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="problems"
    )
    # RESTRICT, not PROTECT: a category with problems cannot be deleted on its own, but a
    # whole round can, categories and problems together.
    category = models.ForeignKey(
        Category, verbose_name="方面", on_delete=models.RESTRICT, related_name="problems"
    )
    number = models.PositiveSmallIntegerField("序号", validators=[MaxValueValidator(9999)])
    text = models.TextField("问题", max_length=2000, validators=text_limit(2000))
    manifestations = models.TextField(
        "具体表现", blank=True, max_length=20000, validators=text_limit(20000)
    )
    source = models.CharField(
        "问题来源", max_length=20, choices=Source.choices, default=Source.FEEDBACK
    )
    is_key = models.BooleanField("重点问题", default=False)
    lead_leader = models.ForeignKey(
        Person,
        verbose_name="牵头领导",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_problems",
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name="牵头单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_problems",
    )
    status = models.CharField(
        "整改状态",
        max_length=20,
        choices=PROBLEM_STATUS_CHOICES,
        default=ProblemStatus.NOT_STARTED.value,
        editable=False,
    )
    light = models.CharField(
        "亮灯", max_length=10, choices=LIGHT_CHOICES, default=Light.GREEN.value, editable=False
    )
    closed_on = models.DateField("销号日期", null=True, blank=True, editable=False)
    # "1-2" as one sortable number, so the ledger sorts by code without joins.
    position = models.BigIntegerField(editable=False, default=0)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # See InspectionRound.version.
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    objects = ProblemQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "问题"
        ordering = ["round", "category__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "number"],
                name="problem_number_unique",
                violation_error_message="该方面下已有相同序号的问题。",
            )
        ]
        indexes = [
            # With is_key, a round's figures (how many, how many key, how many closed) are
            # counted from this index alone, not from every row of the round.
            models.Index(fields=["round", "status", "is_key"], name="problem_round_status_key"),
            models.Index(fields=["round", "position"]),
            # A leader's problems in a round: the ledger's leader filter and its choices, a
            # leader's home page.
            models.Index(fields=["lead_leader", "round"], name="problem_leader_round"),
            # What a unit's tree leads in a round: the scope of its users (policy), whose
            # other parts read (round, lead unit) of measures; by the lead unit alone the
            # database would read every problem of the round.
            models.Index(fields=["lead_unit", "round"], name="problem_unit_round"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.position = self.category.number * 100_000 + self.number
        super().save(*args, **kwargs)
        Measure.objects.filter(problem=self).update(position=self.position * 1000 + F("number"))

    @property
    def source_label(self) -> str:
        return self.round.in_own_words(self.get_source_display())

    @property
    def code(self) -> str:
        """The number people cite: "1-2" is category 1, problem 2."""
        return f"{self.category.number}-{self.number}"

    @property
    def title(self) -> str:
        head = self.text.split("。", 1)[0]
        return head if len(head) <= 60 else head[:60] + "…"


class MeasureQuerySet(models.QuerySet):
    def visible_to(self, user):
        from zhenggai.ledger.policy import measure_scope

        return self.filter(measure_scope(user))


class Measure(models.Model):
    class Kind(models.TextChoices):
        IMMEDIATE = "immediate", "立行立改"
        TIME_BOUND = "time_bound", "限期整改"
        ONGOING = "ongoing", "长期坚持"

    round = models.ForeignKey(
        InspectionRound, verbose_name="轮次", on_delete=models.CASCADE, related_name="measures"
    )
    problem = models.ForeignKey(
        Problem, verbose_name="问题", on_delete=models.CASCADE, related_name="measures"
    )
    number = models.PositiveSmallIntegerField("序号", validators=[MaxValueValidator(999)])
    text = models.TextField("整改措施", max_length=5000, validators=text_limit(5000))
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.TIME_BOUND)
    deadline = models.DateField("完成时限", null=True, blank=True)
    # The deadline the ledger committed to, kept once an extension (延期) moves `deadline`:
    # lights, overdue counts and the tick read `deadline`, the approved date.
    original_deadline = models.DateField("原定完成时限", null=True, blank=True, editable=False)
    deliverable = models.CharField("成果形式", max_length=300, blank=True, validators=NO_NUL)
    status = models.CharField(
        "整改状态",
        max_length=20,
        choices=MEASURE_STATUS_CHOICES,
        default=MeasureStatus.NOT_STARTED.value,
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name="牵头单位",
        on_delete=models.PROTECT,
        related_name="led_measures",
    )
    cooperating_units = models.ManyToManyField(
        Unit,
        verbose_name="配合单位",
        blank=True,
        through="MeasureCooperation",
        related_name="cooperating_measures",
    )
    person_in_charge = models.ForeignKey(
        Person,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures_in_charge",
    )
    # Kept up to date by the carry-out services and `zhenggai tick`, so lists and the
    # dashboard read lights and silence without touching the reports.
    light = models.CharField(
        "亮灯", max_length=10, choices=LIGHT_CHOICES, default=Light.GREEN.value, editable=False
    )
    light_reason = models.CharField("亮灯原因", max_length=200, blank=True, editable=False)
    last_reported_on = models.DateField("最近报送", null=True, blank=True, editable=False)
    closed_on = models.DateField("销号日期", null=True, blank=True, editable=False)
    position = models.BigIntegerField(editable=False, default=0)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # See InspectionRound.version; a change of status by carry-out moves it on too.
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "整改措施"
        ordering = ["problem", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["problem", "number"],
                name="measure_number_unique",
                violation_error_message="该问题下已有相同序号的措施。",
            )
        ]
        indexes = [
            # Covers the overdue filter (deadline passed, status not done) within a round.
            models.Index(fields=["round", "deadline", "status"]),
            # The open ones past their deadline, status by status: a round's overdue figure
            # reads those alone, not every measure whose deadline has passed. With the key, the
            # closed ones are the dashboard's close-out figures without a read of their rows on
            # PostgreSQL (SQLite's indexes hold the key anyway).
            models.Index(
                fields=["round", "status", "deadline", "id"], name="measure_round_status_due"
            ),
            models.Index(fields=["round", "position"]),
            # A round's measures of one light; its red ones longest overdue first, for the
            # round dashboard's red list: 50 read off the index, not thousands sorted.
            models.Index(
                fields=["round", "light", "deadline", "position"], name="measure_round_light"
            ),
            # The dashboard's red list across rounds, longest overdue first.
            models.Index(fields=["light", "deadline", "position"], name="measure_red_list"),
            # What a tree's units lead, soonest deadline first (a unit page, a reporter's home
            # page): each unit's measures come off this index in order, so SQLite merges a
            # city's 49 ranges to a page instead of sorting its 30,000 measures' rows.
            models.Index(fields=["lead_unit", "deadline", "position"], name="measure_unit_due"),
            # Every round's measures, soonest deadline first (PostgreSQL's order puts those
            # without one last): what a city's tree cooperates on, on its unit page, is then
            # found by reading about 160 measures in order and asking each, where PostgreSQL
            # sorted all 100,000 for a page of 20 (41 ms → 0.5). SQLite sorts either way.
            models.Index(fields=["deadline", "position"], name="measure_due"),
            # Every column the dashboard's scans read, in the order of its biggest grouping
            # (round, lead unit): SQLite then reads this index alone, in order, instead of
            # decoding the wide rows and sorting them.
            models.Index(
                fields=[
                    "round",
                    "lead_unit",
                    "status",
                    "light",
                    "deadline",
                    "last_reported_on",
                    "created_at",
                    "closed_on",
                    "problem",
                ],
                name="measure_dashboard",
            ),
            # The burn-down's grouping, in its order: SQLite reads the groups off the index.
            models.Index(
                F("round"), F("closed_on"), UtcHour("created_at"), name="measure_burn_down"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:40]}"

    def save(self, *args, **kwargs):
        self.position = self.problem.position * 1000 + self.number
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        return f"{self.problem.code}.{self.number}"

    def set_cooperating_units(self, units) -> None:
        self.cooperating_units.set(units, through_defaults=MeasureCooperation.about(self))

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind != self.Kind.ONGOING and self.deadline is None:
            raise ValidationError({"deadline": "立行立改和限期整改的措施必须填写完成时限。"})


class MeasureCooperation(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, db_index=False)
    # The measure's round and problem, which never change: the triggers copy them into the
    # cooperating unit's Responsibility row without looking up the measure. Set with the
    # cooperation (Measure.set_cooperating_units, MeasureCooperation.of).
    round = models.ForeignKey(
        InspectionRound, on_delete=models.CASCADE, db_index=False, editable=False
    )
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, db_index=False, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "配合单位"
        constraints = [
            models.UniqueConstraint(fields=["measure", "unit"], name="cooperation_unique")
        ]
        indexes = [
            models.Index(
                fields=["unit", "round", "problem", "measure"], name="cooperation_unit_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} 配合 {self.measure_id}"

    @classmethod
    def of(cls, measure: Measure, unit: Unit) -> "MeasureCooperation":
        return cls(measure=measure, unit=unit, **cls.about(measure))

    @staticmethod
    def about(measure: Measure) -> dict:
        return {"round_id": measure.round_id, "problem_id": measure.problem_id}


class Responsibility(models.Model):
    """A unit answering for a measure: it leads the measure or its problem, or cooperates on
    it. Written by the database's triggers alone (zhenggai.ledger.responsibilities), read by
    the scopes (ledger.policy)."""

    # The triggers remove a measure's rows with it; Django has nothing to collect.
    measure = models.ForeignKey(
        Measure, on_delete=models.DO_NOTHING, db_index=False, related_name="+"
    )
    unit = models.ForeignKey(Unit, on_delete=models.DO_NOTHING, db_index=False, related_name="+")
    round = models.ForeignKey(
        InspectionRound, on_delete=models.DO_NOTHING, db_index=False, related_name="+"
    )
    problem = models.ForeignKey(
        Problem, on_delete=models.DO_NOTHING, db_index=False, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "责任单位"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["measure", "unit"], name="responsibility_unique")
        ]
        indexes = [
            models.Index(
                fields=["unit", "round", "problem", "measure"], name="responsibility_unit_round"
            ),
            # Whether some units answer for a problem, asked of each problem in turn (a big
            # tree's problems walked in order, the leaders of a city's problems): one look at
            # its few rows, where the index above has one range per unit of the tree.
            models.Index(fields=["problem", "unit"], name="responsibility_problem"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} 负责 {self.measure_id}"


class Claim(models.Model):
    """主动认领: a leader or a unit takes a problem as its own."""

    problem = models.ForeignKey(
        Problem, verbose_name="问题", on_delete=models.CASCADE, related_name="claims"
    )
    person = models.ForeignKey(
        Person, verbose_name="认领人", null=True, blank=True, on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        Unit, verbose_name="认领单位", null=True, blank=True, on_delete=models.PROTECT
    )
    note = models.CharField("认领说明", max_length=500, blank=True, validators=NO_NUL)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT
    )
    claimed_at = models.DateTimeField("认领时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "认领"
        ordering = ["claimed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(unit__isnull=False),
                name="claim_has_claimant",
            ),
            models.UniqueConstraint(fields=["problem", "person"], name="claim_once_per_person"),
            models.UniqueConstraint(
                fields=["problem", "unit"],
                condition=Q(person__isnull=True),
                name="claim_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} 认领 {self.problem.code}"


class Event(models.Model):
    """One entry of the append-only record: who did what to which item, with before and after."""

    class Kind(models.TextChoices):
        ROUND_CREATED = "round_created", "创建轮次"
        ROUND_UPDATED = "round_updated", "修改轮次"
        PROBLEM_CREATED = "problem_created", "新增问题"
        PROBLEM_UPDATED = "problem_updated", "修改问题"
        MEASURE_CREATED = "measure_created", "新增措施"
        MEASURE_UPDATED = "measure_updated", "修改措施"
        MEASURE_DELETED = "measure_deleted", "删除措施"
        CLAIMED = "claimed", "认领"
        IMPORTED = "imported", "导入"
        REPORTED = "reported", "提交进展"
        REMINDED = "reminded", "催办"
        NOTICE_ISSUED = "notice_issued", "下发督办单"
        NOTICE_REPLIED = "notice_replied", "回复督办单"
        NOTICE_RETURNED = "notice_returned", "退回督办回复"
        NOTICE_CLOSED = "notice_closed", "办结督办单"
        NOTICE_OVERDUE = "notice_overdue", "督办单逾期未回复"
        ESCALATED = "escalated", "升级督办"
        VERIFIED = "verified", "核查通过"
        VERIFICATION_FAILED = "verification_failed", "核查未通过（退回）"
        CLOSED = "closed", "销号"
        REOPENED = "reopened", "重新打开"
        REBOUND = "rebound", "变异反弹"
        MECHANISM_LINKED = "mechanism_linked", "关联长效机制"
        GENERALIZATION_ASKED = "generalization_asked", "举一反三"
        GENERALIZATION_ANSWERED = "generalization_answered", "举一反三答复"
        EXTENSION_ASKED = "extension_asked", "申请延期"
        EXTENSION_APPROVED = "extension_approved", "批准延期"
        EXTENSION_REFUSED = "extension_refused", "不予延期"
        EXTENSION_WITHDRAWN = "extension_withdrawn", "撤回延期申请"
        CHANGE_ASKED = "change_asked", "申请变更措施"
        CHANGE_APPROVED = "change_approved", "批准变更措施"
        CHANGE_REFUSED = "change_refused", "不予变更措施"
        CHANGE_WITHDRAWN = "change_withdrawn", "撤回变更申请"

    # PROTECT: a round's timeline is not deleted with it, nor an actor's name with its login
    # (zhenggai.audit.protection says so in the admin).
    round = models.ForeignKey(InspectionRound, on_delete=models.PROTECT, related_name="events")
    problem = models.ForeignKey(
        Problem, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("事件", max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, verbose_name="操作人"
    )
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    changes = models.JSONField("变更内容", default=dict, blank=True)
    # The version of the item the event is about (the measure, else the problem, else the
    # round) that the event left behind, when it changed that item's fields: a stale edit is
    # told what happened since the version it was made on (zhenggai.ledger.versions).
    version = models.PositiveIntegerField("版本", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "操作记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        # Local time, as every page shows it (the admin, the audit trail's object text).
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.get_kind_display()}"


class CalendarDay(models.Model):
    """A day that is not what its weekday says: a statutory holiday or a make-up working day."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("上班")
    name = models.CharField("节日", max_length=50, blank=True)
    source = models.CharField("来源", max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日调休"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_workday else '休息'} {self.name}"
