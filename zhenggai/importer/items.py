"""What a person may set on an item of the draft, checked and put in the draft's JSON form,
and what an accepted item still lacks before it can be written to the ledger."""

import datetime

from django.core.exceptions import ValidationError

from zhenggai.importer import drafts
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Category, Measure, Person, Problem, Unit

# Causes have no ledger model yet; a measure's limit is ample for one.
CAUSE_MAX_LENGTH = 5000
ITEM_FIELDS = {
    "category": {"accepted", "title", "target"},
    "problem": {"accepted", "text", "manifestations", "lead_leader"},
    "measure": {"accepted", "text", "kind", "deadline", "units"},
    "speech_measure": {"accepted", "text", "kind", "deadline", "units", "problem"},
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
    if errors:
        raise ValidationError(errors)
    return out


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
        if value is None or Person.objects.filter(pk=_id(value), is_leader=True).exists():
            return value
        raise ValueError("牵头领导必须是领导班子成员。")
    if name == "kind":
        if value in ("", *Measure.Kind.values):
            return value
        raise ValueError("不是可选的措施类型。")
    if name == "deadline":
        if value is None or isinstance(value, datetime.date):
            return value.isoformat() if value else ""
        raise ValueError("应为有效日期，例如 2024-03-31。")
    if name == "units":
        return _units(item, value)
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


def _units(item: dict, value) -> list[dict]:
    rows = item["units"]
    if not isinstance(value, list) or len(value) != len(rows):
        raise ValueError(f"应为 {len(rows)} 个单位编号（未匹配的为空）。")
    ids = [_id(unit) for unit in value if unit is not None]
    if len(set(ids)) != Unit.objects.filter(pk__in=ids).count():
        raise ValueError("所选单位不存在。")
    return [row | {"unit": unit} for row, unit in zip(rows, value, strict=True)]


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
