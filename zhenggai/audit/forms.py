import datetime

from django import forms

from zhenggai.audit import policy
from zhenggai.audit.models import Kind
from zhenggai.ledger.forms import PlainLabels
from zhenggai.ledger.queries import start_of_day


class EntryFilterForm(PlainLabels, forms.Form):
    empty_label = "全部"
    person = forms.CharField(label="操作人", max_length=150, required=False)
    unit = forms.ModelChoiceField(label="所在单位（含下级）", queryset=None, required=False)
    kind = forms.ChoiceField(label="操作", choices=[("", "全部"), *Kind.choices], required=False)
    start = forms.DateField(
        label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = policy.units_for(user)
        self.fields["person"].widget.attrs["placeholder"] = "姓名或登录名"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "截止日期不能早于起始日期。")
        return data

    def filter(self, entries):
        """The entries the filters describe (all of them while the form has errors)."""
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["person"]:
            person = data["person"].strip()
            entries = entries.filter(actor_name__icontains=person) | entries.filter(
                actor_username__icontains=person
            )
        if data["unit"]:
            entries = entries.filter(actor_unit_path__startswith=data["unit"].path)
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["start"]:
            entries = entries.filter(at__gte=start_of_day(data["start"]))
        if data["end"]:
            entries = entries.filter(at__lt=start_of_day(data["end"] + datetime.timedelta(days=1)))
        return entries
