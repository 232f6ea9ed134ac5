"""What a person may set on an item of the draft, checked and put in the draft's JSON form,
and what an accepted item still lacks before it can be written to the ledger."""

import datetime

from django.core.exceptions import ValidationError

from zhenggai.importer import drafts
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Category, Measure, Problem
from zhenggai.ledger.policy import persons_of_round, units_of_round

OTHER_ORGANIZATION = "所选内容不存在或不属于本轮整改所在的组织，不能选择。"
# Causes have no ledger model yet; a measure's limit is ample for one.
CAUSE_MAX_LENGTH = 5000
MEASURE_FIELDS = {
    "accepted",
    "text",
    "kind",
    "deadline",
    "lead_unit",
    "cooperating_units",
    "person_in_charge",
}
ITEM_FIELDS = {
    "category": {"accepted", "title", "target"},
    "problem": {"accepted", "text", "manifestations", "lead_leader", "lead_unit", "is_key"},
    "measure": MEASURE_FIELDS,
    "speech_measure": MEASURE_FIELDS | {"problem"},
    "cause": {"accepted", "text"},
}
TEXT_LIMITS = {
    ("category", "title"): Category._meta.get_field("title").max_length,
    ("problem", "text"): Problem._meta.get_field("text").max_length,
    ("problem", "manifestations"): Problem._meta.get_field("manifestations").max_length,
    ("measure", "text"): Measure._meta.get_field("text").max_length,
    ("speech_measure", "text"): Measure._meta.get_field("text").max_length,
    ("cause", "text"): CAUSE_MAX_LENGTH,
}


def checked(batch: ImportBatch, kind: str, item: dict, values: dict) -> dict:
    """The values, validated and in the draft's JSON form; ValidationError per field."""
    unknown = set(values) - ITEM_FIELDS[kind]
    if unknown:
        raise ValidationError({name: "这一项没有此字段。" for name in sorted(unknown)})
    out: dict = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            out[name] = _field(batch, kind, item, name, value)
        except ValueError as error:
            errors[name] = str(error)
    if not errors and "person_in_charge" in ITEM_FIELDS[kind]:
        _follow_lead(batch, item, out, errors)
    if errors:
        raise ValidationError(errors)
    return out


def _follow_lead(batch: ImportBatch, item: dict, out: dict, errors: dict) -> None:
    """The lead unit does not cooperate with itself, and the person in charge comes from its
    tree: one kept from before is let go when the lead unit changes under it; one chosen now
    must fit the lead unit."""
    lead = out.get("lead_unit", item["lead_unit"])
    cooperating = out.get("cooperating_units", item["cooperating_units"])
    if lead in cooperating:
        out["cooperating_units"] = [u for u in cooperating if u != lead]
    person = out.get("person_in_charge", item["person_in_charge"])
    if person is None:
        return
    path = units_of_round(batch.round).filter(pk=lead).values_list("path", flat=True).first()
    if persons_of_round(batch.round).filter(pk=person, unit__path__startswith=path).exists():
        return
    if lead != item["lead_unit"] and person == item["person_in_charge"]:
        out["person_in_charge"] = None
    else:
        errors["person_in_charge"] = "责任人只能从本措施牵头单位及其下级单位中选择。"


def _field(batch: ImportBatch, kind: str, item: dict, name: str, value):
    if name == "accepted":
        if not isinstance(value, bool):
            raise ValueError("应为是或否。")
        return value
    if (kind, name) in TEXT_LIMITS:
        return _text(value, TEXT_LIMITS[kind, name])
    if name == "target":
        if value == "new" or batch.round.categories.filter(pk=_id(value)).exists():
            return value
        raise ValueError("所选方面不属于本轮次。")
    if name == "lead_leader":
        leaders = persons_of_round(batch.round).filter(is_leader=True)
        if value is None or leaders.filter(pk=_id(value)).exists():
            return value
        raise ValueError("牵头领导必须是领导班子成员。")
    if name == "is_key":
        if not isinstance(value, bool):
            raise ValueError("应为是或否。")
        return value
    if name == "lead_unit":
        if value is None and kind == "problem":
            return value
        if value is None:
            raise ValueError("请选择牵头单位。")
        return _units_of_round(batch, [value])[0]
    if name == "cooperating_units":
        if not isinstance(value, list):
            raise ValueError("应为单位编号的列表。")
        return _units_of_round(batch, value)
    if name == "person_in_charge":
        if value is None or persons_of_round(batch.round).filter(pk=_id(value)).exists():
            return value
        raise ValueError(OTHER_ORGANIZATION)
    if name == "kind":
        if value in ("", *Measure.Kind.values):
            return value
        raise ValueError("不是可选的措施类型。")
    if name == "deadline":
        if value is None or isinstance(value, datetime.date):
            return value.isoformat() if value else ""
        raise ValueError("应为有效日期，例如 2024-03-31。")
    if name == "problem":
        if value == "" or any(p["key"] == value for _, p in drafts.problems(batch.draft)):
            return value
        raise ValueError("所选问题不在本草稿中。")
    raise ValueError("这一项没有此字段。")


def _text(value, limit: int) -> str:
    if not isinstance(value, str):
        raise ValueError("应为文本。")
    if "\x00" in value:
        raise ValueError("不能包含空字符。")
    value = value.replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise ValueError(f"不能超过 {limit} 个字（现有 {len(value)} 个）。")
    return value


def _id(value) -> int:
    # Bounded like the database's ids, so a huge number is a message, not an overflow.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise ValueError("应为编号（正整数）。")
    return value


def _units_of_round(batch: ImportBatch, value: list) -> list[int]:
    """The ids, each once, in order, all naming units of the round's organization."""
    ids = list(dict.fromkeys(_id(unit) for unit in value))
    if len(ids) != units_of_round(batch.round).filter(pk__in=ids).count():
        raise ValueError(OTHER_ORGANIZATION)
    return ids


def missing(kind: str, item: dict) -> dict[str, str]:
    """What an accepted item still lacks before it can be written to the ledger."""
    if not item["accepted"]:
        return {}
    if kind == "category" and item["target"] == "new" and not item["title"]:
        return {"title": "请填写方面名称，或选择本轮已有的方面。"}
    if kind != "category" and not item["text"]:
        return {"text": "内容不能为空；如不导入，请取消勾选。"}
    # A measure no problem takes is kept in the batch only, so it needs no deadline.
    will_be_created = kind == "measure" or (kind == "speech_measure" and item["problem"])
    if will_be_created and item["kind"] != "ongoing" and not item["deadline"]:
        return {"deadline": "缺少完成时限：请填写完成时限，或把类型改为“长期坚持”。"}
    return {}
