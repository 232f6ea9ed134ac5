"""Forms read what a person typed into plain values; the services check them and do the work.

Each item of the draft has its own small form, prefixed with the item's key, so one page can
hold hundreds of them and each posts only its own fields."""

from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError

from zhenggai.importer import drafts, services
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.fields import MultiPicker, Picker
from zhenggai.ledger.forms import DateInput, PlainLabels
from zhenggai.ledger.models import Measure
from zhenggai.ledger.policy import persons_of_round, units_of_round

ACCEPT = ".docx,.pdf,.txt,.xlsx"


class UploadForm(PlainLabels, forms.Form):
    file = forms.FileField(
        label="文档",
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text="可上传反馈意见、整改方案、对照检查材料、发言提纲（.docx、.pdf、"
        ".txt）或 Excel 整改台账（.xlsx）。",
    )
    again = forms.BooleanField(label="我知道该文件已导入过，仍要再次导入", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            services.check_size(upload.size)
        except ValidationError as error:
            raise ValidationError(error.message_dict["file"]) from error
        return upload


@dataclass
class Choices:
    """The options of the review page's selects, built once for all its forms."""

    batch: ImportBatch
    units: list[tuple[str, str]]
    leaders: list[tuple[str, str]]
    categories: list[tuple[str, str]]
    problems: list[tuple[str, str]]
    paths: dict[int, str]

    @classmethod
    def for_batch(cls, batch: ImportBatch) -> "Choices":
        # Only the round's organization may be named (zhenggai.ledger.policy).
        leaders = persons_of_round(batch.round).filter(is_leader=True).select_related("unit")
        units = list(units_of_round(batch.round).order_by("path").values_list("pk", "name", "path"))
        return cls(
            batch=batch,
            paths={pk: path for pk, _, path in units},
            units=[(str(pk), name) for pk, name, _ in units],
            leaders=[("", "未指定")] + [(str(p.pk), f"{p}·{p.unit}") for p in leaders],
            categories=[("new", "新建方面")]
            + [(str(c.pk), f"本轮已有：{c}") for c in batch.round.categories.all()],
            problems=[("", "暂不归入（不写入台账）")]
            + [
                (p["key"], f"{drafts.code(c, p)} {drafts.short(p['text'])}")
                for c, p in drafts.problems(batch.draft)
            ],
        )

    @cached_property
    def _persons(self) -> list[tuple[str, str, str]]:
        persons = persons_of_round(self.batch.round).order_by("unit__path", "name")
        return [
            (str(pk), f"{name}·{unit}", path)
            for pk, name, unit, path in persons.values_list(
                "pk", "name", "unit__name", "unit__path"
            )
        ]

    def persons_under(self, unit_id: int | None) -> list[tuple[str, str]]:
        """The persons a measure led by that unit may have in charge: its tree's."""
        path = self.paths.get(unit_id or 0)
        persons = [(pk, label) for pk, label, own in self._persons if path and own.startswith(path)]
        return [("", "未指定")] + persons


class ItemForm(PlainLabels, forms.Form):
    accepted_label = "导入"
    accepted = forms.BooleanField(required=False)

    def __init__(self, data=None, *, item: dict, choices: Choices):
        initial = {name: item.get(name) for name in self.base_fields}
        super().__init__(data, prefix=item["key"], initial=initial)
        self.item = item
        self.fields["accepted"].label = self.accepted_label

    def values(self) -> dict:
        return dict(self.cleaned_data)


def _id_or_none(value: str) -> int | None:
    return int(value) if value else None


class CategoryForm(ItemForm):
    accepted_label = "导入此方面"
    title = forms.CharField(label="方面名称", required=False, strip=False)
    target = forms.ChoiceField(label="对应方面")

    def __init__(self, data=None, *, item, choices):
        super().__init__(data, item=item, choices=choices)
        self.fields["target"].choices = choices.categories
        self.initial["target"] = str(item["target"])

    def values(self) -> dict:
        target = self.cleaned_data["target"]
        return super().values() | {"target": target if target == "new" else int(target)}


class ProblemForm(ItemForm):
    accepted_label = "导入此问题"
    text = forms.CharField(
        label="问题", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    manifestations = forms.CharField(
        label="具体表现（每行一条）",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lead_leader = forms.ChoiceField(label="牵头领导", required=False)
    lead_unit = forms.ChoiceField(label="牵头单位", required=False, widget=Picker)
    is_key = forms.BooleanField(label="重点问题", required=False)

    def __init__(self, data=None, *, item, choices):
        super().__init__(data, item=item, choices=choices)
        self.fields["lead_leader"].choices = choices.leaders
        self.fields["lead_unit"].choices = [("", "未指定")] + choices.units
        if item["lead_leader_text"]:
            self.fields["lead_leader"].help_text = f"原文：{item['lead_leader_text']}"

    def values(self) -> dict:
        return super().values() | {
            name: _id_or_none(self.cleaned_data[name]) for name in ("lead_leader", "lead_unit")
        }


class PersonField(forms.ChoiceField):
    """Offers the lead unit's tree; a person posted from elsewhere reaches the service, which
    says why that person cannot be in charge."""

    def valid_value(self, value) -> bool:
        return str(value).isdigit()


class MeasureForm(ItemForm):
    accepted_label = "导入此措施"
    text = forms.CharField(
        label="整改措施", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(label="类型", required=False)
    deadline = forms.DateField(label="完成时限", required=False, widget=DateInput())
    lead_unit = forms.ChoiceField(label="牵头单位", widget=Picker)
    cooperating_units = forms.MultipleChoiceField(
        label="配合单位", required=False, widget=MultiPicker
    )
    person_in_charge = PersonField(
        label="责任人",
        required=False,
        widget=Picker,
        help_text="从牵头单位及其下级单位的人员中选择。",
    )

    def __init__(self, data=None, *, item, choices):
        super().__init__(data, item=item, choices=choices)
        self.fields["kind"].choices = [("", "未注明")] + Measure.Kind.choices
        if item["said_kind"]:
            self.fields["kind"].help_text = f"原文：{Measure.Kind(item['said_kind']).label}"
        for name in ("lead_unit", "cooperating_units"):
            self.fields[name].choices = choices.units
        self.fields["lead_unit"].help_text = _said(item["units"][:1], "未写明，暂由整改办牵头")
        self.fields["cooperating_units"].help_text = _said(item["units"][1:], "未写明")
        # The lead unit as posted, so a form redrawn with errors offers its tree's persons.
        lead = self.data.get(self.add_prefix("lead_unit")) if data else item["lead_unit"]
        lead = int(lead) if str(lead).isdigit() else None
        self.fields["person_in_charge"].choices = choices.persons_under(lead)

    def values(self) -> dict:
        values = super().values()
        values["cooperating_units"] = [int(pk) for pk in values["cooperating_units"]]
        return values | {
            name: _id_or_none(values[name]) for name in ("lead_unit", "person_in_charge")
        }


def _said(rows: list[dict], nothing: str) -> str:
    """What the document named, and which names matched no unit of the organization."""
    if not rows:
        return f"原文{nothing}。"
    named = "、".join(row["name"] for row in rows)
    unmatched = "、".join(row["name"] for row in rows if row["unit"] is None)
    return f"原文：{named}" + (f"（“{unmatched}”未能对应到单位，请选择）" if unmatched else "")


class SpeechMeasureForm(MeasureForm):
    problem = forms.ChoiceField(label="归入问题", required=False)

    def __init__(self, data=None, *, item, choices):
        super().__init__(data, item=item, choices=choices)
        self.fields["problem"].choices = choices.problems


class CauseForm(ItemForm):
    accepted_label = "保留此条"
    text = forms.CharField(
        label="原因剖析", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )


FORMS = {
    "category": CategoryForm,
    "problem": ProblemForm,
    "measure": MeasureForm,
    "speech_measure": SpeechMeasureForm,
    "cause": CauseForm,
}


def item_form(kind: str, item: dict, choices: Choices, data=None) -> ItemForm:
    return FORMS[kind](data, item=item, choices=choices)
