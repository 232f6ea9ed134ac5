"""Forms validate what a person typed; the services check the rest (dates against the round,
files by their content, the close-out rule) and their refusals are shown on the same form."""

from django import forms

from zhenggai.carryout.files import ACCEPT, ALLOWED, MAX_FILES
from zhenggai.carryout.models import ProgressReport, Verification
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.queries import today


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Any number of files (a list), none required; what they contain is checked later."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "佐证材料")
        kwargs.setdefault(
            "help_text",
            f"可多选，最多 {MAX_FILES} 个；支持 {ALLOWED} 文件。",
        )
        super().__init__(widget=MultipleFileInput(attrs={"accept": ACCEPT}), **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        clean_one = super().clean
        return [clean_one(file, initial) for file in files if file]


class ReportForm(PlainLabels, forms.Form):
    as_of = forms.DateField(label="截至日期", widget=DateInput())
    status = forms.ChoiceField(label="进展状态")
    percent = forms.IntegerField(label="完成比例（%）", min_value=0, max_value=100, required=False)
    text = forms.CharField(
        label="进展情况", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    files = EvidenceField(required=False)
    corrects = forms.ModelChoiceField(
        queryset=ProgressReport.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, measure, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("as_of", today())
        labels = dict(ProgressReport.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in statuses]
        self.fields["corrects"].queryset = measure.reports.all()


class VerificationForm(PlainLabels, forms.Form):
    methods = forms.MultipleChoiceField(
        label="核查方式",
        choices=Verification.Method.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请至少选择一种核查方式。"},
        help_text="仅听取汇报不能作为销号依据。",
    )
    verified_on = forms.DateField(label="核查日期", widget=DateInput())
    findings = forms.CharField(
        label="核查情况", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    result = forms.ChoiceField(
        label="核查结论",
        choices=[("", "请选择"), *Verification.Result.choices],
        help_text="不通过的，措施退回重改，核查情况即为退回理由。",
    )
    members = forms.ModelMultipleChoiceField(
        label="核查组成员",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="参加本次核查的核查组成员；提交人本人总会记录在内。",
    )
    files = EvidenceField(required=False)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("verified_on", today())
        if members is None or not members.exists():
            del self.fields["members"]
        else:
            self.fields["members"].queryset = members.select_related("person__unit")
            self.fields["members"].label_from_instance = _member_label


def _member_label(user) -> str:
    person = getattr(user, "person", None)
    return f"{person.name}（{person.unit}）" if person else user.username


class ReopenForm(PlainLabels, forms.Form):
    reason = forms.CharField(
        label="重新打开的原因", max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    is_rebound = forms.BooleanField(
        label="属于变异反弹（销号后问题又出现）",
        required=False,
        help_text="变异反弹会保留原销号日期，并在统计中单独列出。",
    )
