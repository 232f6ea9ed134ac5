"""Forms validate what a person typed; the services do the work."""

from django import forms

from zhenggai.ledger.fields import ModelMultipleChoiceField
from zhenggai.ledger.models import Category, InspectionRound, Measure, Person, Problem, Unit
from zhenggai.rules.lifecycle import HAND_SET_STATUSES


class PlainLabels:
    """Labels sit above their fields, so they need no trailing colon; and Django's empty
    choice has no Chinese translation yet."""

    empty_label = "请选择"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "empty_label", None) is not None:
                field.empty_label = self.empty_label


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RoundForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = InspectionRound
        fields = [
            "name",
            "kind",
            "team",
            "organization",
            "office",
            "visit_start",
            "visit_end",
            "feedback_date",
            "rectification_deadline",
            "report_deadline",
            "status",
        ]
        widgets = {
            name: DateInput()
            for name in (
                "visit_start",
                "visit_end",
                "feedback_date",
                "rectification_deadline",
                "report_deadline",
            )
        }
        help_texts = {
            "rectification_deadline": "留空则按反馈日期后两个月计算，遇节假日顺延。",
            "report_deadline": "留空则与集中整改期限相同。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Unit.objects.filter(
            kind__in=[Unit.Kind.OFFICE, Unit.Kind.COMMITTEE]
        )


class CategoryForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = Category
        fields = ["title"]


class ProblemForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = Problem
        fields = [
            "category",
            "text",
            "manifestations",
            "source",
            "is_key",
            "lead_leader",
            "lead_unit",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "manifestations": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.round = round_
        self.fields["category"].queryset = round_.categories.all()
        self.fields["lead_leader"].queryset = Person.objects.filter(is_leader=True)


class MeasureForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "text",
            "kind",
            "deadline",
            "deliverable",
            "status",
            "lead_unit",
            "cooperating_units",
            "person_in_charge",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "deadline": DateInput(),
            "cooperating_units": forms.SelectMultiple(attrs={"size": 5}),
        }
        field_classes = {"cooperating_units": ModelMultipleChoiceField}

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.problem = problem
        self.instance.round_id = problem.round_id
        self.fields["person_in_charge"].queryset = Person.objects.select_related("unit")
        status = self.fields["status"]
        if self.instance.status in HAND_SET_STATUSES:
            status.choices = [c for c in status.choices if c[0] in HAND_SET_STATUSES]
        else:
            status.disabled = True
            status.help_text = "该状态由报送进展和核查产生，不能在这里修改。"
        if not self.instance.pk and problem.lead_unit_id:
            self.initial.setdefault("lead_unit", problem.lead_unit_id)


class ClaimForm(PlainLabels, forms.Form):
    note = forms.CharField(label="认领说明", max_length=500, required=False)


def field_values(form: forms.ModelForm, *, skip=()) -> dict:
    """The cleaned values a service takes, without many-to-many fields."""
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in skip and name in form._meta.fields
    }
