"""Forms validate what a person typed; the services do the work and check the files."""

from django import forms

from zhenggai.carryout.files import ACCEPT, ALLOWED
from zhenggai.ledger.fields import ModelMultipleChoiceField
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import Measure, Unit
from zhenggai.mechanisms.models import Mechanism

FILE_HELP = f"可上传 {ALLOWED} 文件。"


class MechanismSearchForm(PlainLabels, forms.Form):
    q = forms.CharField(label="关键词", max_length=100, required=False)
    kind = forms.ChoiceField(
        label="类别", choices=[("", "全部")] + Mechanism.Kind.choices, required=False
    )


class MechanismForm(PlainLabels, forms.ModelForm):
    # Not the model's FileField: its 100-character limit on the name would refuse the long
    # titles of official documents, which storage shortens to fit instead.
    file = forms.FileField(
        label="文件",
        required=False,
        help_text=FILE_HELP,
        widget=forms.FileInput({"accept": ACCEPT}),
    )

    class Meta:
        model = Mechanism
        fields = [
            "name",
            "kind",
            "document_number",
            "issuing_unit",
            "issued_on",
            "description",
            "problems",
        ]
        widgets = {
            "issued_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "problems": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {"problems": "可多选（按住 Ctrl 或 ⌘ 点选）。"}
        field_classes = {"problems": ModelMultipleChoiceField}

    def __init__(self, *args, problems, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problems"].queryset = problems
        self.fields["problems"].required = True
        self.fields["issuing_unit"].queryset = units


class LinkForm(PlainLabels, forms.Form):
    problem = forms.ModelChoiceField(label="关联到问题", queryset=None)

    def __init__(self, *args, problems, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem"].queryset = problems


class GeneralizeForm(PlainLabels, forms.Form):
    units = ModelMultipleChoiceField(
        label="要求自查的单位",
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="可多选；也可以在下面按类别选择一类单位。",
    )
    kind = forms.ChoiceField(label="或：某一类单位全部", required=False)
    within = forms.ModelChoiceField(
        label="范围（含下级）",
        queryset=None,
        required=False,
        help_text="只要求该单位下属的这一类单位；不选则为本单位管辖的全部。",
    )
    note = forms.CharField(
        label="自查要求", max_length=2000, required=False, widget=forms.Textarea({"rows": 3})
    )
    answer_deadline = forms.DateField(label="答复期限", widget=DateInput())

    def __init__(self, *args, units, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.fields["within"].queryset = scope
        kinds = [(value, label) for value, label in Unit.Kind.choices if value != Unit.Kind.OFFICE]
        self.fields["kind"].choices = [("", "不按类别")] + kinds

    def clean(self):
        data = super().clean()
        if not data.get("units") and not data.get("kind"):
            raise forms.ValidationError("请选择要求自查的单位，或选择一类单位。")
        return data


class FoundForm(PlainLabels, forms.Form):
    text = forms.CharField(label="问题", max_length=2000, widget=forms.Textarea({"rows": 3}))
    manifestations = forms.CharField(
        label="本单位的具体表现", max_length=20000, widget=forms.Textarea({"rows": 4})
    )


class ProposedMeasureForm(PlainLabels, forms.ModelForm):
    """One measure the unit proposes; Measure.clean wants a deadline unless it is ongoing."""

    class Meta:
        model = Measure
        fields = ["text", "kind", "deadline", "deliverable"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "deadline": DateInput()}


ProposedMeasures = forms.formset_factory(
    ProposedMeasureForm,
    extra=2,
    min_num=1,
    validate_min=True,
    max_num=10,
    validate_max=True,
    absolute_max=20,
)


class NotPresentForm(PlainLabels, forms.Form):
    reasons = forms.CharField(
        label="不存在同类问题的理由", max_length=5000, widget=forms.Textarea({"rows": 4})
    )
    evidence = forms.FileField(
        label="佐证材料",
        required=False,
        help_text=FILE_HELP,
        widget=forms.FileInput({"accept": ACCEPT}),
    )


class ReviewForm(PlainLabels, forms.Form):
    decision = forms.ChoiceField(
        label="审核", choices=[("accept", "认可"), ("reject", "不认可，退回重新答复")]
    )
    note = forms.CharField(label="审核意见", max_length=500, required=False)
