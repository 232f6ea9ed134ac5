import datetime

from django import forms

from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import Unit
from zhenggai.ledger.queries import today

# Rectification started long after this; a trend before it is a typing slip.
EARLIEST = datetime.date(2000, 1, 1)


class DashboardForm(PlainLabels, forms.Form):
    """What a dashboard URL may ask for; anything invalid is explained and left at its default."""

    since = forms.DateField(label="趋势起始日期", required=False, widget=DateInput())
    until = forms.DateField(label="趋势截止日期", required=False, widget=DateInput())
    unit = forms.ModelChoiceField(
        label="单位", queryset=Unit.objects.all(), required=False, widget=forms.HiddenInput
    )

    def clean(self):
        data = super().clean()
        latest = today() + datetime.timedelta(days=366)
        for name in ("since", "until"):
            day = data.get(name)
            if day and not EARLIEST <= day <= latest:
                self.add_error(name, f"日期应在 {EARLIEST:%Y-%m-%d} 至 {latest:%Y-%m-%d} 之间。")
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", "截止日期不能早于起始日期。")
        return data
