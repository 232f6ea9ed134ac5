"""Forms validate what a person typed; the services do the work."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from zhenggai.carryout.forms import EvidenceField
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import InspectionRound, Problem, Unit
from zhenggai.ledger.policy import units_of_round, units_visible_to
from zhenggai.supervision.models import Escalation, SupervisionNotice
from zhenggai.supervision.services import REPLY_WORKDAYS, RETURN_REASON_MAX

MAX_CITED = 50
AWAITING = "awaiting"  # a filter, not a status: any status that still wants a reply
CODE = re.compile(r"(\d{1,3})-(\d{1,4})")
SEPARATORS = re.compile(r"[\s,，、;；]+")


def problems_by_code(round_: InspectionRound, text: str) -> list[Problem]:
    """ "1-2、3-1" → those problems of the round, in the order given."""
    codes = [code for code in SEPARATORS.split(text.strip()) if code]
    if len(codes) > MAX_CITED:
        raise forms.ValidationError(f"一次最多引用 {MAX_CITED} 个问题。")
    wanted = []
    for code in codes:
        match = CODE.fullmatch(code)
        if not match:
            raise forms.ValidationError(
                f"问题编号“{code[:20]}”格式不对，应为“方面序号-问题序号”，如 1-2。"
            )
        wanted.append((int(match[1]), int(match[2])))
    if not wanted:
        return []
    condition = Q()
    for category, number in wanted:
        condition |= Q(category__number=category, number=number)
    cited = Problem.objects.filter(condition, round=round_).select_related("category")
    found = {(p.category.number, p.number): p for p in cited}
    missing = [f"{c}-{n}" for c, n in wanted if (c, n) not in found]
    if missing:
        raise forms.ValidationError(f"本轮没有编号为 {'、'.join(missing)} 的问题。")
    return list(dict.fromkeys(found[key] for key in wanted))


class NoticeForm(PlainLabels, forms.Form):
    number = forms.CharField(
        label="编号",
        max_length=SupervisionNotice._meta.get_field("number").max_length,
        required=False,
        help_text="已按本轮当年的顺序自动编号，可以修改。",
    )
    unit = forms.ModelChoiceField(label="被督办单位", queryset=Unit.objects.all())
    problem_codes = forms.CharField(
        label="涉及问题",
        max_length=1000,
        required=False,
        help_text="填写问题编号，如 1-2、3-1；多个编号用顿号、逗号或空格分隔。",
    )
    content = forms.CharField(
        label="督办事项",
        max_length=SupervisionNotice._meta.get_field("content").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reply_deadline = forms.DateField(
        label="回复期限",
        required=False,
        widget=DateInput(),
        help_text="留空则为下发之日起 5 个工作日（按法定节假日和调休计算）。",
    )

    def __init__(self, *args, round_: InspectionRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["unit"].queryset = units_of_round(round_)

    def clean_problem_codes(self):
        return problems_by_code(self.round, self.cleaned_data["problem_codes"])


class ReplyForm(PlainLabels, forms.Form):
    reply = forms.CharField(
        label="回复内容",
        max_length=SupervisionNotice._meta.get_field("reply").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="写明已采取的整改措施、取得的成效和下一步安排。",
    )
    files = EvidenceField(label="书面报告及佐证材料", required=False)


class CloseForm(PlainLabels, forms.Form):
    note = forms.CharField(
        label="办结意见",
        max_length=SupervisionNotice._meta.get_field("closing_note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="可不填；如有，将告知被督办单位。",
    )


class ReturnForm(PlainLabels, forms.Form):
    reason = forms.CharField(
        label="退回理由",
        max_length=RETURN_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="写明回复哪里不够，需要补充什么。",
    )
    reply_deadline = forms.DateField(
        label="新的回复期限",
        required=False,
        widget=DateInput(),
        help_text=f"留空则为今天起 {REPLY_WORKDAYS} 个工作日（按法定节假日和调休计算）。",
    )


class EscalationForm(PlainLabels, forms.Form):
    kind = forms.ChoiceField(label="升级方式", choices=Escalation.Kind.choices)
    unit = forms.ModelChoiceField(label="对象单位", queryset=Unit.objects.all())
    problem_code = forms.CharField(
        label="涉及问题",
        max_length=20,
        required=False,
        help_text="问题编号，如 1-2；针对督办单升级时可不填。",
    )
    decided_by = forms.ModelChoiceField(label="决定人", queryset=get_user_model().objects.none())
    decided_on = forms.DateField(label="决定日期", widget=DateInput())
    reason = forms.CharField(
        label="事由",
        max_length=Escalation._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="写明为什么升级督办，以及是谁在什么场合作出的决定。",
    )

    def __init__(self, *args, round_: InspectionRound, decision_makers, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["unit"].queryset = units_of_round(round_)
        field = self.fields["decided_by"]
        field.queryset = decision_makers.select_related("person")
        field.label_from_instance = _person_name

    def clean_problem_code(self):
        problems = problems_by_code(self.round, self.cleaned_data["problem_code"])
        if len(problems) > 1:
            raise forms.ValidationError("只能填写一个问题编号。")
        return problems[0] if problems else None


def _person_name(user) -> str:
    person = getattr(user, "person", None)
    return str(person) if person else user.get_username()


class ReminderForm(PlainLabels, forms.Form):
    note = forms.CharField(label="催办说明", max_length=500, required=False)


class NoticeFilterForm(PlainLabels, forms.Form):
    empty_label = "全部"
    status = forms.ChoiceField(
        label="状态",
        choices=[("", "全部"), (AWAITING, "待回复"), *SupervisionNotice.Status.choices],
        required=False,
    )
    unit = forms.ModelChoiceField(
        label="被督办单位（含下级）", queryset=Unit.objects.all(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the units the user may see: no other organization's names in the list.
        self.fields["unit"].queryset = units_visible_to(user)
