"""Forms validate what a person typed; the services do the work."""

from django import forms
from django.core.validators import MaxValueValidator

from zhenggai.authority import fields as field_authority
from zhenggai.ledger import policy
from zhenggai.ledger.fields import ModelMultipleChoiceField, MultiPicker, TreePicker
from zhenggai.ledger.models import Category, InspectionRound, Measure, Problem
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


MAX_VERSION = 2**31 - 1


class Versioned:
    """An edit form carries the version of the item it was opened on, in a hidden field,
    and hands it to the service (zhenggai.ledger.versions). A version that is missing or
    garbled is a message of the form, never a field error a person cannot see."""

    STALE_PAGE = "页面缺少版本信息，可能已经过期：请刷新页面后重新修改。"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by the view when a save was refused as stale (zhenggai.ledger.views.stale).
        self.stale = None
        item = self.versioned_item()
        if item.pk is not None:
            self.fields["version"] = forms.CharField(widget=forms.HiddenInput, required=False)
            self.initial.setdefault("version", item.version)

    def versioned_item(self):
        """The round, problem or measure whose version the form carries."""
        return self.instance

    def clean(self):
        data = super().clean()
        if "version" in self.fields:
            version = str(data.get("version") or "")
            if not version.isdigit() or not 1 <= int(version) <= MAX_VERSION:
                raise forms.ValidationError(self.STALE_PAGE)
            data["version"] = int(version)
        return data

    @property
    def version(self) -> int | None:
        return self.cleaned_data.get("version")


class AuthorizedFields:
    """An edit form shows only the fields the user may set (zhenggai.authority.fields); the
    service refuses the others anyway."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.withheld: list[str] = []
        if self.instance.pk is None:
            return
        allowed = set(field_authority.editable_fields(user, self.instance))
        self.withheld = [name for name in self._meta.fields if name not in allowed]
        for name in self.withheld:
            self.fields.pop(name, None)

    def refuse_withheld(self) -> None:
        """A posted value for a field the form withholds is refused (PermissionDenied, a 403
        with the reason) as the API refuses it, not silently dropped; one sent back as it is
        is no attempt to set it."""
        changed = [name for name in self.withheld if self._posted_change(name)]
        field_authority.require_fields(self.user, self.instance, changed)

    def _posted_change(self, name: str) -> bool:
        if name not in self.data:
            return False
        field = self.instance._meta.get_field(name)
        form_field = field.formfield()
        raw = form_field.widget.value_from_datadict(self.data, self.files, name)
        try:
            value = form_field.clean(raw)
        except forms.ValidationError:
            return True  # not even a value it could hold: an attempt all the same
        if field.many_to_many:
            return {item.pk for item in value} != set(
                getattr(self.instance, name).values_list("pk", flat=True)
            )
        return value != getattr(self.instance, name)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _count_field(name: str, low: int, unit: str, help_text: str) -> forms.IntegerField:
    """A round setting counted in (working) days, from `low` up to the model's own limit;
    anything else is refused with one message that names the range."""
    model_field = InspectionRound._meta.get_field(name)
    high = min(v.limit_value for v in model_field.validators if isinstance(v, MaxValueValidator))
    message = f"请填写 {low} 至 {high} 之间的整数（{unit}）。"
    return forms.IntegerField(
        label=model_field.verbose_name,
        initial=model_field.default,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), message),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class RoundForm(PlainLabels, AuthorizedFields, Versioned, forms.ModelForm):
    """The round's facts, then its supervision settings (督办设置), shown as a group."""

    SUPERVISION_FIELDS = (
        "rhythm_days",
        "rhythm_days_after",
        "due_soon_workdays",
        "onsite_required_for_key",
    )

    rhythm_days = _count_field(
        "rhythm_days",
        1,
        "天",
        "集中整改期限之前，一项措施超过这么多天没有报送进展，就亮黄灯并催办责任人。"
        "每周报送一次填 7。",
    )
    rhythm_days_after = _count_field(
        "rhythm_days_after",
        1,
        "天",
        "集中整改期限过后（常态化整改，含长期坚持的措施），超过这么多天没有报送进展，"
        "就亮黄灯并催办。每月报送一次填 30。",
    )
    due_soon_workdays = _count_field(
        "due_soon_workdays",
        1,
        "工作日",
        "离完成时限只剩这么多个工作日时亮黄灯，提醒抓紧办理。按工作日计算：法定节假日不算，"
        "调休上班日算。",
    )

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
            "rhythm_days",
            "rhythm_days_after",
            "due_soon_workdays",
            "onsite_required_for_key",
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
            "onsite_required_for_key": "勾选后，重点问题的措施必须经过实地核查才能销号，"
            "只查阅资料、听取汇报不能销号。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A round of either kind is edited in its own words (巡察组, 被巡察党组织).
            for name, label in (
                ("team", self.instance.team_label),
                ("organization", self.instance.inspected_label),
            ):
                if name in self.fields:
                    self.fields[name].label = label
        if "office" in self.fields:
            self.fields["office"].queryset = policy.offices_for(self.user)

    def round_fields(self):
        return [
            self[name]
            for name in self.fields
            if name not in self.SUPERVISION_FIELDS and not self[name].is_hidden
        ]

    def supervision_fields(self):
        return [self[name] for name in self.SUPERVISION_FIELDS]


class CategoryForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = Category
        fields = ["title"]


class ProblemForm(PlainLabels, AuthorizedFields, Versioned, forms.ModelForm):
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
        if "source" in self.fields:
            self.fields["source"].choices = [
                (value, round_.in_own_words(label)) for value, label in Problem.Source.choices
            ]
        if "lead_leader" in self.fields:
            self.fields["lead_unit"].queryset = policy.units_of_round(round_)
            self.fields["lead_leader"].queryset = policy.persons_of_round(round_).filter(
                is_leader=True
            )


class MeasureForm(PlainLabels, AuthorizedFields, Versioned, forms.ModelForm):
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
            "lead_unit": TreePicker,
            "cooperating_units": MultiPicker,
            # The office picks from the tree of the lead unit chosen beside it.
            "person_in_charge": TreePicker(attrs={"data-under": "lead_unit"}),
        }
        field_classes = {"cooperating_units": ModelMultipleChoiceField}

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.problem = problem
        self.instance.round_id = problem.round_id
        persons = policy.persons_of_round(problem.round).select_related("unit")
        units = policy.units_of_round(problem.round)
        if "lead_unit" in self.fields:
            self.fields["lead_unit"].queryset = units
        if "cooperating_units" in self.fields:
            # The lead unit is not its own cooperating unit (the service refuses it).
            lead = self.instance.lead_unit_id or problem.lead_unit_id
            self.fields["cooperating_units"].queryset = units.exclude(pk=lead)
        if not policy.supervises(self.user, problem.round) and self.instance.lead_unit_id:
            # The lead unit assigns its person in charge from its own tree.
            persons = persons.filter(unit__path__startswith=self.instance.lead_unit.path)
        self.fields["person_in_charge"].queryset = persons
        if "status" in self.fields:
            self._hand_set_status(self.fields["status"])
        if "deadline" in self.fields and self.instance.original_deadline:
            self.fields[
                "deadline"
            ].help_text = (
                f"原定 {self.instance.original_deadline:%Y-%m-%d}，已批准延期；原定时限保留不变。"
            )
        if not self.instance.pk and problem.lead_unit_id:
            self.initial.setdefault("lead_unit", problem.lead_unit_id)

    def _hand_set_status(self, status):
        if self.instance.status in HAND_SET_STATUSES:
            status.choices = [c for c in status.choices if c[0] in HAND_SET_STATUSES]
        else:
            status.disabled = True
            status.help_text = "该状态由报送进展和核查产生，不能在这里修改。"


class ClaimForm(PlainLabels, forms.Form):
    note = forms.CharField(label="认领说明", max_length=500, required=False)


def field_values(form: forms.ModelForm, *, skip=()) -> dict:
    """The cleaned values a service takes, without many-to-many fields."""
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in skip and name in form._meta.fields
    }
