"""Forms validate what a person typed; the services do the work (and check the dates)."""

from django import forms

from zhenggai.ledger.forms import DateInput, PlainLabels, Versioned
from zhenggai.ledger.models import Measure
from zhenggai.requests.models import REASON_LENGTH, ChangeRequest

DATE_ERRORS = {
    "required": "请填写日期。",
    "invalid": "请填写有效的日期，例如 2024-06-30。",
}


def _reason(label: str, required: bool = True, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=REASON_LENGTH,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"请填写{label}。",
            "max_length": f"{label}不能超过 {REASON_LENGTH} 个字。",
        },
    )


class ExtensionForm(PlainLabels, forms.Form):
    new_deadline = forms.DateField(label="申请延至", widget=DateInput(), error_messages=DATE_ERRORS)
    reason = _reason("申请延期的理由")


class ChangeForm(PlainLabels, forms.ModelForm):
    """The measure as the unit would have it, filled in with what it is now."""

    reason = _reason("申请变更的理由")

    class Meta:
        model = ChangeRequest
        fields = ["text", "kind", "deliverable", "deadline"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "deadline": DateInput()}
        error_messages = {"deadline": DATE_ERRORS}
        help_texts = {"deadline": "改为立行立改或限期整改时填写。"}

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("text", "kind", "deliverable"):
            self.initial.setdefault(name, getattr(measure, name))
        if measure.deadline is not None:
            # A deadline in force moves by an extension request.
            del self.fields["deadline"]


class DecisionForm(PlainLabels, Versioned, forms.Form):
    """Approving: on the version of the measure the decider saw."""

    note = _reason("审批意见", required=False, rows=2)

    def __init__(self, *args, measure: Measure, **kwargs):
        self.measure = measure
        super().__init__(*args, **kwargs)

    def versioned_item(self):
        return self.measure


class RefusalForm(PlainLabels, forms.Form):
    note = _reason("不予批准的理由", rows=2)
