"""Importing a document into a round's ledger. The web pages, the API and `zhenggai import`
all call these.

upload → a draft batch (nothing in the ledger); save_item → one reviewed item of the draft;
apply → the accepted items become categories, problems and measures through the ledger's
services, in one transaction, with an "imported" event per problem; discard → the draft is
dropped. Failures are ValidationError (Chinese, pointing at the item), DuplicateImport, or
PermissionDenied (only users who may edit the round import into it)."""

import dataclasses
import datetime
import hashlib
import io
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from zhenggai.files.kinds import Hostile, refuse_hostile
from zhenggai.importer import drafts, items, ledger_changes
from zhenggai.importer.matching import RoundMatcher
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger import policy
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Category, Event, InspectionRound, Measure, Person, Unit
from zhenggai.ledger.policy import require
from zhenggai.reader import DEFAULT_LIMITS, ParsedDocument, ReaderError, build_draft, read_bytes
from zhenggai.reader.limits import MIB
from zhenggai.reader.model import walk
from zhenggai.reader.units import KNOWN_UNITS
from zhenggai.writer import read_mark

logger = logging.getLogger(__name__)


class DuplicateImport(Exception):
    """The same file (by content) was imported into this round before and the person has not
    said to import it again."""

    def __init__(self, previous: ImportBatch):
        self.previous = previous
        when = timezone.localtime(previous.uploaded_at).strftime("%Y-%m-%d %H:%M")
        state = (
            "已写入台账" if previous.status == ImportBatch.Status.APPLIED else "草稿尚未写入台账"
        )
        super().__init__(f"该文件已于 {when} 导入过（{state}，导入记录 {previous.pk}）。")


def get_batch_for(user, pk) -> ImportBatch:
    """A batch of a round the user cannot see is a 404; of a round the user may see but not
    edit, a 403 with the reason."""
    try:
        batch = ImportBatch.objects.select_related("uploaded_by__person", "applied_by__person").get(
            pk=pk
        )
    except (ImportBatch.DoesNotExist, ValueError, TypeError) as error:
        raise Http404("没有找到该导入记录，或您无权查看。") from error
    batch.round = policy.get_round_for(user, batch.round_id, write=True)
    return batch


# Upload


def max_upload_bytes() -> int:
    return settings.ZHENGGAI_MAX_UPLOAD_BYTES


def upload_limit() -> str:
    """The limit as a person reads it: 50 MB."""
    return f"{max_upload_bytes() / MIB:g} MB"


def check_size(size: int) -> None:
    """Called with the size an upload declares, before a byte of it is read."""
    if size > max_upload_bytes():
        raise ValidationError({"file": f"文件超过 {upload_limit()} 的上限，无法导入。"})


def upload(
    user, round_: InspectionRound, file_name: str, content: bytes, *, again: bool = False
) -> ImportBatch:
    require(policy.can_edit_round(user, round_))
    check_size(len(content))
    digest = hashlib.sha256(content).hexdigest()
    previous = (
        round_.imports.filter(sha256=digest)
        .exclude(status=ImportBatch.Status.DISCARDED)
        .order_by("-uploaded_at")
        .first()
    )
    if previous and not again:
        raise DuplicateImport(previous)
    document = _read(content, file_name)
    mark = read_mark(content) if document.format == "xlsx" else None
    if mark is not None and mark.round_id == round_.pk:
        # The round's own ledger brought back: its differences, not a new draft.
        draft = {"ledger_changes": ledger_changes.compare(user, round_, document.rows, mark)}
    else:
        matcher = RoundMatcher(round_)
        known = tuple(name for _, name in matcher.units) + KNOWN_UNITS
        draft = drafts.new_draft(build_draft(document, known), matcher)
    batch = ImportBatch(
        round=round_,
        file_name=drafts.plain(file_name)[:255],
        sha256=digest,
        format=document.format,
        encoding=document.encoding or "",
        title=drafts.plain(document.title)[:500],
        genre=document.genre,
        evidence=drafts.plain([dataclasses.asdict(w) for w in document.evidence]),
        warnings=drafts.plain([dataclasses.asdict(w) for w in document.warnings]),
        source=drafts.plain(_source_rows(document)),
        draft=draft,
        uploaded_by=user,
    )
    batch.file.save(file_name, ContentFile(content), save=False)
    batch.save()
    return batch


def _read(content: bytes, file_name: str) -> ParsedDocument:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_file_bytes=max_upload_bytes())
    try:
        refuse_hostile(io.BytesIO(content), limits)
    except Hostile as error:
        raise ValidationError({"file": f"“{drafts.plain(file_name)}”{error}。"}) from error
    try:
        return read_bytes(content, file_name, limits=limits)
    except ReaderError as error:
        raise ValidationError({"file": str(error)}) from error
    except Exception as error:
        # The reader promises ReaderError only; a file that still breaks it is hostile or
        # a reader bug. The person gets a message and the log keeps the traceback.
        logger.exception("reading %r failed", file_name)
        raise ValidationError(
            {"file": "文件内容无法识别，可能已损坏。请检查后重新上传。"}
        ) from error


def _source_rows(document: ParsedDocument) -> list[dict]:
    """The source as the review page shows it beside the draft: outline nodes, or for a
    spreadsheet its ledger rows."""
    if document.rows is not None:
        fields = ("category", "problem", "measure", "lead_leader", "lead_unit", "deadline_text")
        return [
            {
                "line": row.line,
                "level": 1,
                "marker": row.number,
                "kind": "",
                "text": "｜".join(getattr(row, name) for name in fields if getattr(row, name)),
            }
            for row in document.rows
        ]
    return [
        {
            "line": node.line,
            "level": node.level,
            "marker": node.marker,
            "kind": node.kind,
            "text": node.text,
        }
        for node in walk(document.outline)
    ]


# Review


def save_item(user, batch: ImportBatch, key: str, **values) -> tuple[str, dict]:
    """One item of the draft as the person left it: (kind, item). Only the draft changes.
    An item may be saved incomplete (no deadline yet); items.missing says what apply will
    ask for."""
    with transaction.atomic():
        batch = _locked_draft(user, batch)
        try:
            kind, item = drafts.find(batch.draft, key)
        except KeyError:
            raise ValidationError("草稿中没有这一项，请刷新页面后重试。") from None
        item.update(items.checked(batch, kind, item, values))
        batch.save(update_fields=["draft"])
    return kind, item


def _locked_draft(user, batch: ImportBatch) -> ImportBatch:
    # Only the batch row is locked: two people applying the same draft take turns, and
    # the second finds it applied.
    locked = (
        ImportBatch.objects.select_for_update(of=("self",))
        .select_related("round__office")
        .get(pk=batch.pk)
    )
    require(policy.can_edit_round(user, locked.round))
    if not locked.is_draft:
        raise ValidationError(f"该导入记录{locked.get_status_display()}，不能再修改或导入。")
    return locked


# Apply


@dataclasses.dataclass
class _Planned:
    category: dict
    problems: list[tuple[dict, list[dict]]]


def apply(user, batch: ImportBatch, accepted: set[str] | None = None) -> dict[str, int]:
    """The accepted items into the ledger, all or nothing. Returns what was created. For a
    ledger brought back, `accepted` names the differences to apply (all when None)."""
    with transaction.atomic():
        batch = _locked_draft(user, batch)
        if is_ledger_changes(batch):
            return _apply_changes(user, batch, accepted)
        plan = _plan(batch.draft)
        refs = _references(batch, plan)
        created, problems = _create(user, batch, plan, refs)
        created["causes"] = sum(1 for c in batch.draft["causes"] if c["accepted"])
        created["unattached_measures"] = sum(
            1 for m in batch.draft["measures"] if m["accepted"] and not m["problem"]
        )
        batch.status = ImportBatch.Status.APPLIED
        batch.applied_by = user
        batch.applied_at = timezone.now()
        batch.created = created
        batch.save()
        batch.problems.set(problems)
    return created


def is_ledger_changes(batch: ImportBatch) -> bool:
    return "ledger_changes" in batch.draft


def _apply_changes(user, batch: ImportBatch, accepted: set[str] | None) -> dict[str, int]:
    changes = batch.draft["ledger_changes"]
    if accepted is None:
        accepted = {entry["key"] for entry in changes["entries"]}
    created = ledger_changes.apply(user, batch.round, changes, accepted)
    batch.status = ImportBatch.Status.APPLIED
    batch.applied_by = user
    batch.applied_at = timezone.now()
    batch.created = created
    batch.save()
    return created


def _plan(draft: dict) -> list[_Planned]:
    """The accepted items in ledger order, or every reason they cannot be applied yet."""
    errors: list[ValidationError] = []
    attached: dict[str, list[dict]] = {}
    for measure in draft["measures"]:
        if measure["accepted"] and measure["problem"]:
            attached.setdefault(measure["problem"], []).append(measure)
    plan = []
    created_keys = set()
    for category in draft["categories"]:
        if not category["accepted"]:
            continue
        _complain(errors, "category", category, category)
        planned = _Planned(category, [])
        for problem in category["problems"]:
            if not problem["accepted"]:
                continue
            _complain(errors, "problem", problem, category)
            measures = [m for m in problem["measures"] if m["accepted"]]
            measures += attached.get(problem["key"], [])
            for measure in measures:
                _complain(errors, "measure", measure, category)
            planned.problems.append((problem, measures))
            created_keys.add(problem["key"])
        if planned.problems:
            plan.append(planned)
    for key, measures in attached.items():
        if key not in created_keys:
            for measure in measures:
                errors.append(_error(measure, "归入的问题不导入，请改选其他问题，或选“暂不归入”。"))
    if errors:
        raise ValidationError(errors)
    return plan


def _complain(errors: list, kind: str, item: dict, category: dict) -> None:
    for message in items.missing(kind, item).values():
        errors.append(_error(item, message, category))


def _error(item: dict, message: str, category: dict | None = None) -> ValidationError:
    return ValidationError(
        "%(label)s：%(message)s",
        code="incomplete",
        params={"label": label(item, category), "message": message, "key": item["key"]},
    )


def label(item: dict, category: dict | None = None) -> str:
    """How a message names an item: 问题 1-2“……”, 措施“……”（原文第 23 段）."""
    where = f"（原文第 {item['line']} 段）" if item.get("line") else ""
    key = item["key"]
    if key.startswith("c"):
        return f"方面“{drafts.short(item['title'])}”"
    if key.startswith("p") and category is not None:
        return f"问题 {drafts.code(category, item)}“{drafts.short(item['text'])}”{where}"
    kind = {"m": "措施", "r": "原因剖析", "p": "问题"}[key[0]]
    return f"{kind}“{drafts.short(item['text'])}”{where}"


@dataclasses.dataclass
class _References:
    categories: dict[int, Category]
    leaders: dict[int, Person]
    persons: dict[int, Person]
    units: dict[int, Unit]
    office: Unit


def _references(batch: ImportBatch, plan: list[_Planned]) -> _References:
    """The database rows the draft points to, checked again: one may have gone since. Only
    the round's organization is looked in; the ledger's services check it again."""
    category_ids, person_ids, unit_ids = set(), set(), set()
    for planned in plan:
        if planned.category["target"] != "new":
            category_ids.add(planned.category["target"])
        for problem, measures in planned.problems:
            person_ids |= {problem["lead_leader"]} | {m["person_in_charge"] for m in measures}
            unit_ids |= {problem["lead_unit"]} | {m["lead_unit"] for m in measures}
            unit_ids |= {unit for m in measures for unit in m["cooperating_units"]}
    persons = policy.persons_of_round(batch.round).in_bulk(person_ids - {None})
    refs = _References(
        batch.round.categories.in_bulk(category_ids),
        {pk: person for pk, person in persons.items() if person.is_leader},
        persons,
        policy.units_of_round(batch.round).in_bulk(unit_ids - {None}),
        batch.round.office,
    )
    errors = []
    for planned in plan:
        if planned.category["target"] not in ("new", *refs.categories):
            errors.append(_error(planned.category, "所选的已有方面已不存在，请重新选择。"))
        for problem, measures in planned.problems:
            if problem["lead_leader"] and problem["lead_leader"] not in refs.leaders:
                errors.append(_error(problem, "所选牵头领导已不存在或不是领导班子成员。"))
            if _gone(problem["lead_unit"], refs.units):
                errors.append(_error(problem, "所选牵头单位已不存在，请重新选择。"))
            for measure in measures:
                units = [measure["lead_unit"], *measure["cooperating_units"]]
                if any(_gone(unit, refs.units) for unit in units):
                    errors.append(_error(measure, "所选单位已不存在，请重新选择。"))
                if _gone(measure["person_in_charge"], refs.persons):
                    errors.append(_error(measure, "所选责任人已不存在，请重新选择。"))
    if errors:
        raise ValidationError(errors)
    return refs


def _gone(pk: int | None, found: dict) -> bool:
    return pk is not None and pk not in found


def _create(user, batch: ImportBatch, plan: list[_Planned], refs: _References):
    counts = {"categories": 0, "problems": 0, "measures": 0}
    problems = []
    for planned in plan:
        target = planned.category["target"]
        if target == "new":
            category = _ledger(ledger.create_category, planned.category)(
                user, batch.round, title=planned.category["title"]
            )
            counts["categories"] += 1
        else:
            category = refs.categories[target]
        for item, measures in planned.problems:
            problem = _ledger(ledger.create_problem, item, planned.category)(
                user,
                batch.round,
                category=category,
                text=item["text"],
                manifestations=item["manifestations"],
                lead_leader=refs.leaders.get(item["lead_leader"]),
                lead_unit=refs.units.get(item["lead_unit"]),
                is_key=item["is_key"],
            )
            ledger.record(
                Event.Kind.IMPORTED,
                batch.round,
                user,
                problem=problem,
                changes={"import": [None, f"{batch.file_name}（导入记录 {batch.pk}）"]},
            )
            problems.append(problem)
            for measure in measures:
                _ledger(ledger.create_measure, measure)(
                    user,
                    problem,
                    cooperating_units=[refs.units[pk] for pk in measure["cooperating_units"]],
                    text=measure["text"],
                    kind=measure["kind"] or Measure.Kind.TIME_BOUND,
                    deadline=datetime.date.fromisoformat(measure["deadline"])
                    if measure["deadline"]
                    else None,
                    lead_unit=refs.units.get(measure["lead_unit"], refs.office),
                    person_in_charge=refs.persons.get(measure["person_in_charge"]),
                )
                counts["measures"] += 1
    counts["problems"] = len(problems)
    return counts, problems


def _ledger(action, item: dict, category: dict | None = None):
    """A ledger service whose refusal names the draft item it was given."""

    def call(*args, **kwargs):
        try:
            return action(*args, **kwargs)
        except ValidationError as error:
            raise ValidationError([_error(item, "；".join(error.messages), category)]) from error

    return call


def discard(user, batch: ImportBatch) -> ImportBatch:
    with transaction.atomic():
        batch = _locked_draft(user, batch)
        batch.status = ImportBatch.Status.DISCARDED
        batch.save(update_fields=["status"])
    return batch
