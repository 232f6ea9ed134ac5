"""An Excel ledger zhenggai exported, edited offline and brought back: the differences from
the ledger (changed, added and removed rows) for a person to accept, then the accepted ones
applied in one transaction through the ledger's services, so that authority and the record
apply as for any other edit.

The exported file's hidden sheet 导出信息 names the round and the measures exported; only
those are compared, so a filtered export brought back removes nothing it did not hold. A row
is a measure by its 序号 (the measure's code, 1-2.1); a row without a known code is added.
进展情况 is the units' to report with evidence: a change there is shown, never applied."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from zhenggai.documents.gather import latest_progress
from zhenggai.ledger import policy
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import InspectionRound, Measure, Problem, Unit
from zhenggai.ledger.versions import StaleEdit
from zhenggai.reader.model import LedgerRow
from zhenggai.rules.status import MEASURE_STATUS_LABELS
from zhenggai.writer.ledger import ExportMark

PROBLEM_FIELDS = {"category": "问题类别", "problem": "问题描述", "lead_leader": "责任领导"}
MEASURE_FIELDS = {
    "measure": "整改措施",
    "lead_unit": "责任单位",
    "cooperating_units": "配合单位",
    "deadline": "完成时限",
    "status": "整改状态",
}
STATUS_VALUES = {label: status.value for status, label in MEASURE_STATUS_LABELS.items()}
_CODE = re.compile(r"^(\d+)-(\d+)(?:\.(\d+))?$")
_UNIT_SEPARATORS = re.compile(r"[、，,；;\s]+")
PROGRESS_NOTE = "进展情况的修改不导入：进展由责任单位在系统中报送并附佐证材料。"


def compare(user, round_: InspectionRound, rows: list[LedgerRow], mark: ExportMark) -> dict:
    """The differences between the rows and the measures the file was exported with."""
    exported = set(mark.codes)
    measures = {
        m.code: m
        for m in policy.measures_in(user, round_)
        .select_related("problem__category", "problem__lead_leader", "lead_unit")
        .prefetch_related("cooperating_units")
        .annotate(progress=latest_progress())
        if m.code in exported
    }
    problems = {p.code: p for p in Problem.objects.filter(round=round_).select_related("category")}
    entries: list[dict] = []
    seen_codes: set[str] = set()
    seen_problems: set[str] = set()
    for row in rows:
        measure = measures.get(row.number) if row.number not in seen_codes else None
        if measure is None:
            entries.append(_added(row, problems))
            continue
        seen_codes.add(row.number)
        if measure.problem.code not in seen_problems:
            seen_problems.add(measure.problem.code)
            entries += _problem_changes(row, measure.problem)
        entries += _measure_changes(row, measure)
    for code in mark.codes:
        if code not in seen_codes and code in measures:
            entries.append(_removed(measures[code]))
    for number, entry in enumerate(entries, 1):
        entry["key"] = f"x{number}"
    return {"round": round_.pk, "exported_at": mark.exported_at, "entries": entries}


def _problem_changes(row: LedgerRow, problem: Problem) -> list[dict]:
    current = {
        "category": problem.category.title,
        "problem": problem.text.strip(),
        "lead_leader": problem.lead_leader.name if problem.lead_leader else "",
    }
    given = {"category": row.category, "problem": row.problem, "lead_leader": row.lead_leader}
    fields = {
        name: [current[name], given[name].strip()]
        for name in PROBLEM_FIELDS
        if given[name].strip() != current[name]
    }
    if not fields:
        return []
    label = f"问题 {problem.code}“{_short(problem.text)}”"
    entry = _entry("changed", "problem", problem.code, row.line, label, fields=fields)
    # Applied only if nobody changed the problem since it was compared (ledger.versions).
    entry["version"] = problem.version
    return [entry]


def _measure_changes(row: LedgerRow, measure: Measure) -> list[dict]:
    current = {
        "measure": measure.text.strip(),
        "lead_unit": measure.lead_unit.name,
        "cooperating_units": sorted(u.name for u in measure.cooperating_units.all()),
        "deadline": measure.deadline.isoformat() if measure.deadline else "",
        "status": measure.get_status_display(),
    }
    given = _row_values(row)
    fields = {
        name: [current[name], given[name]]
        for name in MEASURE_FIELDS
        if given[name] != current[name]
    }
    notes = [PROGRESS_NOTE] if row.progress.strip() != (measure.progress or "").strip() else []
    if not fields and not notes:
        return []
    label = f"措施 {measure.code}“{_short(measure.text)}”"
    entry = _entry("changed", "measure", measure.code, row.line, label, fields=fields, notes=notes)
    entry["version"] = measure.version
    return [entry]


def _row_values(row: LedgerRow) -> dict:
    units = [name for name in _UNIT_SEPARATORS.split(row.cooperating_units) if name]
    return {
        "category": row.category.strip(),
        "problem": row.problem.strip(),
        "lead_leader": row.lead_leader.strip(),
        "measure": row.measure.strip(),
        "lead_unit": row.lead_unit.strip(),
        "cooperating_units": sorted(units),
        "deadline": row.deadline.isoformat() if row.deadline else "",
        "status": row.status.strip(),
    }


def _added(row: LedgerRow, problems: dict[str, Problem]) -> dict:
    values = _row_values(row)
    found = _CODE.match(row.number.strip())
    problem = problems.get(f"{found[1]}-{found[2]}") if found else None
    problem = problem or next(
        (p for p in problems.values() if p.text.strip() == values["problem"]), None
    )
    code = problem.code if problem else ""
    where = f"问题 {code}" if problem else f"新问题“{_short(values['problem'])}”"
    label = f"{where}下新增措施“{_short(values['measure'])}”"
    return _entry("added", "measure", code, row.line, label, values=values)


def _removed(measure: Measure) -> dict:
    label = f"措施 {measure.code}“{_short(measure.text)}”"
    return _entry("removed", "measure", measure.code, None, label)


def _entry(change, subject, code, line, label, *, fields=None, values=None, notes=None) -> dict:
    return {
        "change": change,
        "subject": subject,
        "code": code,
        "line": line,
        "label": label,
        "fields": fields or {},
        "values": values or {},
        "notes": notes or [],
    }


def _short(text: str, length: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"


def field_label(name: str) -> str:
    return {**PROBLEM_FIELDS, **MEASURE_FIELDS}.get(name, name)


# Applying


def apply(user, round_: InspectionRound, changes: dict, accepted: set[str]) -> dict[str, int]:
    """The accepted entries, all in one transaction; any refusal undoes them all and the
    ValidationError names each entry that was refused."""
    counts = {"changed": 0, "added": 0, "removed": 0}
    errors: list[str] = []
    with transaction.atomic():
        for entry in changes["entries"]:
            if entry["key"] not in accepted or not (
                entry["fields"] or entry["change"] != "changed"
            ):
                continue
            try:
                _apply_one(user, round_, entry)
            except StaleEdit:
                errors.append(f"{entry['label']}：比对后已被他人修改，请重新上传台账再核对。")
            except (ValidationError, PermissionDenied) as error:
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                errors.append(f"{entry['label']}：{'；'.join(messages)}")
            else:
                counts[entry["change"]] += 1
        if errors:
            transaction.set_rollback(True)
            raise ValidationError(errors)
    return counts


def _apply_one(user, round_: InspectionRound, entry: dict) -> None:
    if entry["change"] == "removed":
        ledger.delete_measure(user, _measure(user, round_, entry["code"]))
    elif entry["change"] == "added":
        _add(user, round_, entry)
    elif entry["subject"] == "problem":
        problem = _problem(user, round_, entry["code"])
        values = {name: after for name, (_, after) in entry["fields"].items()}
        ledger.update_problem(
            user, problem, version=entry.get("version"), **_problem_values(round_, values)
        )
    else:
        measure = _measure(user, round_, entry["code"])
        values = {name: after for name, (_, after) in entry["fields"].items()}
        units = values.pop("cooperating_units", None)
        ledger.update_measure(
            user,
            measure,
            cooperating_units=_units(round_, units) if units is not None else None,
            version=entry.get("version"),
            **_measure_values(round_, values),
        )


def _add(user, round_: InspectionRound, entry: dict) -> None:
    values = dict(entry["values"])
    if entry["code"]:
        problem = _problem(user, round_, entry["code"])
    else:
        fields = _problem_values(round_, {k: values[k] for k in PROBLEM_FIELDS})
        problem = ledger.create_problem(user, round_, **fields)
    if not values["measure"]:
        raise ValidationError("整改措施为空。")
    units = _units(round_, values["cooperating_units"])
    measure_values = _measure_values(
        round_, {k: values[k] for k in MEASURE_FIELDS if k != "cooperating_units"}
    )
    if not values["deadline"]:
        measure_values["kind"] = Measure.Kind.ONGOING
    ledger.create_measure(user, problem, cooperating_units=units, **measure_values)


def _problem_values(round_: InspectionRound, values: dict) -> dict:
    out: dict = {}
    if "problem" in values:
        out["text"] = values["problem"]
    if "category" in values:
        category = round_.categories.filter(title=values["category"]).first()
        if category is None:
            raise ValidationError(f"本轮没有“{values['category']}”这个方面，请先在系统中添加。")
        out["category"] = category
    if "lead_leader" in values:
        leaders = policy.persons_of_round(round_).filter(is_leader=True)
        out["lead_leader"] = _named(leaders, values["lead_leader"], "领导班子成员")
    return out


def _measure_values(round_: InspectionRound, values: dict) -> dict:
    out: dict = {}
    if "measure" in values:
        out["text"] = values["measure"]
    if "lead_unit" in values:
        out["lead_unit"] = _named(policy.units_of_round(round_), values["lead_unit"], "单位")
        if out["lead_unit"] is None:
            raise ValidationError("责任单位不能为空。")
    if "deadline" in values:
        out["deadline"] = (
            datetime.date.fromisoformat(values["deadline"]) if values["deadline"] else None
        )
    if "status" in values:
        if values["status"] not in STATUS_VALUES:
            raise ValidationError(f"没有“{values['status']}”这种整改状态。")
        out["status"] = STATUS_VALUES[values["status"]]
    return out


def _units(round_: InspectionRound, names: list[str]) -> list[Unit]:
    """Units are named within the round's organization only."""
    units = policy.units_of_round(round_)
    return [unit for unit in (_named(units, n, "单位") for n in names) if unit]


def _named(queryset, name: str, what: str):
    if not name:
        return None
    found = list(queryset.filter(name=name)[:2])
    if not found:
        raise ValidationError(f"系统中没有名为“{name}”的{what}。")
    if len(found) > 1:
        raise ValidationError(f"系统中有多个名为“{name}”的{what}，请在系统中修改。")
    return found[0]


def _measure(user, round_: InspectionRound, code: str) -> Measure:
    found = _CODE.match(code)
    measure = None
    if found and found[3]:
        measure = (
            policy.measures_in(user, round_)
            .filter(
                problem__category__number=int(found[1]),
                problem__number=int(found[2]),
                number=int(found[3]),
            )
            .select_related("problem__category", "round__office", "lead_unit")
            .first()
        )
    if measure is None:
        raise ValidationError(f"措施 {code} 已不存在。")
    return measure


def _problem(user, round_: InspectionRound, code: str) -> Problem:
    found = _CODE.match(code)
    problem = (
        Problem.objects.filter(
            round=round_, category__number=int(found[1]), number=int(found[2])
        ).first()
        if found
        else None
    )
    if problem is None:
        raise ValidationError(f"问题 {code} 已不存在。")
    return policy.get_problem_for(user, problem.pk)
