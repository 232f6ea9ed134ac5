"""Batch work on the task list (批量操作): the office picks measures, then reminds them all,
sets their cooperating units, person in charge or deadline, or issues one 督办单 about them.

Each measure goes through the same domain service as one at a time, so the same rules (who
may change which field, stale versions, close-out) hold; a measure refused does not stop the
others, and the outcome says which were refused and why."""

import os
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from zhenggai.ledger import policy, services
from zhenggai.ledger.fields import MAX_KEY, MultiPicker, Picker
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import InspectionRound, Measure
from zhenggai.ledger.versions import StaleEdit
from zhenggai.supervision import services as supervision

ACTIONS = {
    "remind": "催办",
    "cooperating": "设置配合单位",
    "person": "设置责任人",
    "deadline": "设置完成时限",
    "notice": "下发一份督办单",
}
MAX_MEASURES = 200


class BatchForm(PlainLabels, forms.Form):
    action = forms.ChoiceField(label="批量操作", choices=[("", "请选择"), *ACTIONS.items()])
    measures = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": "请先勾选要处理的措施。"}
    )
    note = forms.CharField(
        label="催办说明",
        max_length=500,
        required=False,
        help_text="催办发给各措施的责任人和牵头领导；两者都没有登录账号的，发给牵头单位的填报人。",
    )
    cooperating_units = forms.ModelMultipleChoiceField(
        label="配合单位", queryset=None, required=False, widget=MultiPicker
    )
    person_in_charge = forms.ModelChoiceField(
        label="责任人",
        queryset=None,
        required=False,
        widget=Picker,
        help_text="列出所勾选措施的牵头单位（有几个的，其共同上级单位）及下级单位的人员。",
        error_messages={
            "invalid_choice": "责任人须是所勾选措施牵头单位（或其共同上级单位）的人员。"
        },
    )
    deadline = forms.DateField(label="完成时限", widget=DateInput(), required=False)
    content = forms.CharField(
        label="督办事项", max_length=5000, required=False, widget=forms.Textarea({"rows": 3})
    )
    reply_deadline = forms.DateField(label="回复期限", widget=DateInput(), required=False)

    def __init__(self, *args, user, round_: InspectionRound, ticked=(), **kwargs):
        super().__init__(*args, **kwargs)
        measures = policy.measures_in(user, round_)
        self.fields["measures"].queryset = measures
        self.fields["cooperating_units"].queryset = policy.units_of_round(round_)
        # As on a single measure, the person in charge comes from the lead unit's tree: here
        # the tree every ticked measure's lead unit belongs to.
        if self.is_bound and hasattr(self.data, "getlist"):
            ticked = self.data.getlist("measures")
        leads = measures.filter(pk__in=_keys(ticked)).values_list("lead_unit__path", flat=True)
        self.fields["person_in_charge"].queryset = policy.persons_of_round(round_).filter(
            unit__path__startswith=shared_tree(leads.distinct())
        )

    def clean(self):
        data = super().clean()
        if len(data.get("measures") or ()) > MAX_MEASURES:
            self.add_error("measures", f"一次最多处理 {MAX_MEASURES} 项措施。")
        needed = {"person": "person_in_charge", "deadline": "deadline", "notice": "content"}
        name = needed.get(data.get("action", ""))
        if name and not data.get(name):
            self.add_error(name, f"请填写{self.fields[name].label}。")
        return data


def _keys(values) -> list[int]:
    return [int(v) for v in values if str(v).isdigit() and int(v) <= MAX_KEY]


def shared_tree(paths) -> str:
    """The path of the deepest unit whose tree holds every one of these units' paths, ""
    (every unit) for none."""
    common = os.path.commonprefix(list(paths))
    return common[: common.rfind("/") + 1]


@dataclass
class Outcome:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    if isinstance(error, StaleEdit):
        return "刚被他人修改，请刷新后重试。"
    return str(error) or "无权操作。"


def apply(user, round_: InspectionRound, data: dict) -> Outcome:
    policy.require(policy.can_act_on_many(user, round_))
    measures = list(
        data["measures"].select_related("problem__lead_leader__user", "person_in_charge__user")
    )
    outcome = Outcome()
    if data["action"] == "notice":
        _notice(user, round_, measures, data, outcome)
        return outcome
    for measure in sorted(measures, key=lambda m: m.position):
        try:
            _one(user, measure, data)
        except (ValidationError, PermissionDenied, StaleEdit) as error:
            outcome.refused.append((measure.code, _reason(error)))
        else:
            outcome.done.append(measure.code)
    return outcome


def _one(user, measure: Measure, data: dict) -> None:
    action = data["action"]
    if action == "remind":
        supervision.remind(user, measure, note=data["note"])
    elif action == "cooperating":
        services.update_measure(
            user,
            measure,
            cooperating_units=list(data["cooperating_units"]),
            version=measure.version,
        )
    elif action == "person":
        services.update_measure(
            user, measure, version=measure.version, person_in_charge=data["person_in_charge"]
        )
    else:
        services.update_measure(user, measure, version=measure.version, deadline=data["deadline"])


def _notice(user, round_, measures: list[Measure], data: dict, outcome: Outcome) -> None:
    """One notice to the lead unit the measures share, citing their problems."""
    units = {m.lead_unit_id: m.lead_unit for m in measures}
    if len(units) != 1:
        raise ValidationError(
            "所选措施的牵头单位不止一个：一份督办单只能发给一个单位，请分别选择。"
        )
    problems = list({m.problem_id: m.problem for m in measures}.values())
    notice = supervision.issue_notice(
        user,
        round_,
        unit=next(iter(units.values())),
        content=data["content"],
        problems=problems,
        reply_deadline=data["reply_deadline"],
    )
    outcome.done.append(notice.number)
