"""Forms validate what a person typed; the services do the work."""

from django import forms

from zhenggai.documents.models import Cause, DocumentSettings, Withholding
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import Person
from zhenggai.writer.texts import DEFAULTS, label

UPLOAD_MAX_BYTES = 10 * 1024 * 1024


class SettingsForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = DocumentSettings
        fields = ["issuer", "principal", "date"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principal"].queryset = Person.objects.filter(
            is_leader=True, unit__path__startswith=round_.office.path
        )
        self.fields["issuer"].widget.attrs["placeholder"] = round_.organization
        self.fields["issuer"].help_text = f"留空时使用{round_.inspected_label}的名称。"


class TextsForm(PlainLabels, forms.Form):
    """One field per text of the kind, showing the default when the office wrote none."""

    def __init__(self, *args, kind: str, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for key, default in DEFAULTS[kind].items():
            short = key.startswith("h_") or key in ("title", "addressee")
            self.fields[key] = forms.CharField(
                label=label(key),
                required=False,
                max_length=2000,
                initial=current.get(key, default),
                widget=forms.TextInput() if short else forms.Textarea({"rows": 3}),
                help_text="留空即恢复默认文字。",
            )


class UploadForm(forms.Form):
    file = forms.FileField(label="文件")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError("文件超过 10 MB，请精简后再上传。")
        return upload


class WithholdingForm(PlainLabels, forms.ModelForm):
    class Meta:
        model = Withholding
        fields = ["reason", "note"]


class ItemForm(PlainLabels, forms.Form):
    text = forms.CharField(label="内容", max_length=3000, widget=forms.Textarea({"rows": 3}))
    aspect = forms.ChoiceField(label="方面", choices=Cause.Aspect.choices, required=False)
