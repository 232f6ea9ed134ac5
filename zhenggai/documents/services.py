"""Writing a round's documents, and keeping what they are made of. The web pages, the API and
`zhenggai export` all call these.

export → a document checked (placeholders, empty sections, problems without measures) and
written as .docx or .pdf; with strict=True any finding refuses it (Refused). export_ledger →
the Excel ledger of a ledger view, checked the same way. The rest keep the office's texts,
signer, template and withheld problems, and a leader's causes and own measures. Failures are
ValidationError (Chinese), PermissionDenied (the reason), Refused, or PdfUnavailable."""

import dataclasses
import functools
import io
import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from zhenggai.audit import record as audit
from zhenggai.authority.roles import is_system_administrator
from zhenggai.documents import gather, ledger_export
from zhenggai.documents import policy as documents_policy
from zhenggai.documents.models import (
    Cause,
    DocumentSettings,
    DocumentTemplate,
    PersonalMeasure,
    Withholding,
)
from zhenggai.files.kinds import Hostile, refuse_hostile
from zhenggai.ledger import policy
from zhenggai.ledger.models import InspectionRound, Person, Problem
from zhenggai.ledger.policy import require
from zhenggai.reader import DEFAULT_LIMITS, ReaderError, build_draft, read_bytes
from zhenggai.supervision import policy as supervision_policy
from zhenggai.supervision.models import SupervisionNotice
from zhenggai.writer import (
    TemplateError,
    check,
    check_template,
    disclosure,
    leader_report,
    rectification_plan,
    rectification_report,
    self_examination,
    speech_outline,
    supervision_notice,
    to_docx,
    to_pdf,
    watch_ledger,
    write_ledger,
)
from zhenggai.writer.model import Document, Finding, NoticeInfo
from zhenggai.writer.texts import DEFAULTS, KINDS

logger = logging.getLogger(__name__)

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class Refused(Exception):
    """Strict mode and the document has findings: nothing is written."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        lines = "\n".join(f"- {finding.message}" for finding in findings)
        super().__init__(f"文书有 {len(findings)} 处需要处理，严格模式下不予导出：\n{lines}")


@dataclasses.dataclass
class Export:
    content: bytes
    filename: str
    content_type: str
    findings: list[Finding]
    # Left out on purpose, e.g. problems withheld from the public disclosure.
    omitted: list[str]


# Building and exporting


def build(user, kind: str, round_: InspectionRound, person=None, notice=None) -> Document:
    """The document of `kind`, built from what the user may see; refuses (PermissionDenied)
    a user who may not write it, and asks for the person or notice a kind needs."""
    if kind not in KINDS:
        raise ValidationError({"kind": f"没有这种文书：{kind}。"})
    settings = gather.settings_of(round_)
    info = gather.round_info(round_, settings)
    texts = settings.texts.get(kind, {})
    if kind in documents_policy.PERSON_KINDS:
        if person is None:
            raise ValidationError(
                {"person": "生成个人发言提纲或对照检查材料须指定领导（--person）。"}
            )
        require(documents_policy.can_write_for(user, round_, person))
        return _leader_document(user, kind, round_, person, info, texts)
    if kind == "notice":
        if notice is None:
            raise ValidationError({"notice": "生成督办单须指定督办单（--notice）。"})
        return supervision_notice(_notice_info(notice), texts)
    return build_round_documents(user, round_, [kind])[0]


class _RoundData:
    """What the round's documents are made of, read once however many are built."""

    def __init__(self, user, round_: InspectionRound):
        self.round = round_
        self.problems = policy.problems_in(user, round_)
        self.measures = policy.measures_in(user, round_)
        self.settings = gather.settings_of(round_)
        self.info = gather.round_info(round_, self.settings)
        self.principal = gather.person_info(self.settings.principal)

    @functools.cached_property
    def categories(self):
        return gather.categories(self.problems, self.measures)

    @functools.cached_property
    def figures(self):
        return gather.figures(self.round, self.problems, self.measures)

    def led_by_principal(self):
        if self.settings.principal is None:
            return []
        led = self.problems.filter(lead_leader=self.settings.principal)
        return [p for c in gather.categories(led, self.measures) for p in c.problems]


def build_round_documents(user, round_: InspectionRound, kinds) -> list[Document]:
    """The office's documents of the round (plan, reports, disclosures), gathered once."""
    require(documents_policy.can_write_round_documents(user, round_))
    data = _RoundData(user, round_)
    return [_round_document(data, kind, data.settings.texts.get(kind, {})) for kind in kinds]


def _round_document(data: _RoundData, kind: str, texts: dict) -> Document:
    if kind == "plan":
        return rectification_plan(data.info, data.categories, texts)
    if kind == "report":
        return rectification_report(data.info, data.figures, data.categories, data.principal, texts)
    if kind == "leader-report":
        led = data.led_by_principal()
        return leader_report(data.info, data.figures, led, data.principal, texts)
    public = kind == "disclosure-public"
    return disclosure(data.info, data.figures, data.categories, public, texts)


def _leader_document(user, kind, round_, person: Person, info, texts) -> Document:
    problems = gather.leader_problems(user, round_, person)
    categories = gather.categories(problems, policy.measures_in(user, round_))
    causes = [c.text for c in Cause.objects.filter(round=round_, person=person)]
    measures = [m.text for m in PersonalMeasure.objects.filter(round=round_, person=person)]
    who = gather.person_info(person)
    make = speech_outline if kind == "outline" else self_examination
    return make(info, who, categories, causes, measures, texts)


def _notice_info(notice: SupervisionNotice) -> NoticeInfo:
    problems = notice.problems.select_related("category").order_by("position")
    return NoticeInfo(
        number=notice.number,
        unit=notice.unit.name,
        content=notice.content,
        problems=tuple(f"问题 {p.code}：{p.title}" for p in problems),
        reply_deadline=notice.reply_deadline,
        issued_on=notice.issued_on,
        issuer=notice.round.office.name,
    )


def get_notice(user, round_: InspectionRound, pk) -> SupervisionNotice:
    notice = supervision_policy.get_notice_for(user, pk)
    if notice.round_id != round_.pk:
        raise ValidationError({"notice": f"督办单 {notice.number} 不属于轮次 {round_.pk}。"})
    return notice


def export(
    user,
    kind: str,
    round_: InspectionRound,
    *,
    fmt: str = "docx",
    person=None,
    notice=None,
    strict: bool = False,
) -> Export:
    if fmt not in ("docx", "pdf"):
        raise ValidationError({"format": "文书只能导出为 .docx 或 .pdf（整改台账为 .xlsx）。"})
    document = build(user, kind, round_, person=person, notice=notice)
    findings = check(document)
    if strict and findings:
        raise Refused(findings)
    content = to_docx(document, template_for(round_))
    if fmt == "pdf":
        content = to_pdf(content)
    filename = f"{filename_stem(document.title)}.{fmt}"
    audit.export(user, notice or person or round_, filename, 文书=kind)
    return Export(content, filename, FORMATS[fmt], findings, document.omitted)


def filename_stem(title: str) -> str:
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in title).strip()
    return cleaned[:80] or "整改文书"


@dataclasses.dataclass
class LedgerExport:
    rows: int
    # Filters of the query string that were not understood.
    errors: list[str]
    findings: list[Finding]


def export_ledger(
    user, round_: InspectionRound, params, out: Path, *, strict: bool = False
) -> LedgerExport:
    """The ledger view that `params` (the ledger page's query string) describes, as .xlsx at
    `out`, checked on the way; with strict=True any finding removes the file and refuses."""
    query, errors = ledger_export.ledger_query(user, round_, params)
    sheet = ledger_export.sheet_for(round_, query, params)
    findings: list[Finding] = []
    lines = watch_ledger(ledger_export.ledger_lines(user, round_, query), findings)
    rows = write_ledger(sheet, lines, str(out))
    if strict and findings:
        out.unlink(missing_ok=True)
        raise Refused(findings)
    audit.export(
        user, round_, ledger_filename(round_), 文书="ledger", 行数=rows, 条件=params.urlencode()
    )
    return LedgerExport(rows, errors, findings)


def ledger_filename(round_: InspectionRound) -> str:
    return f"{filename_stem(round_.name)}整改台账.xlsx"


# What documents are made of: the office's settings


def template_for(round_: InspectionRound) -> bytes | None:
    template = DocumentTemplate.objects.filter(round=round_).first()
    template = template or DocumentTemplate.objects.filter(round__isnull=True).first()
    if template is None:
        return None
    with template.file.open("rb") as handle:
        return handle.read()


@transaction.atomic
def update_settings(user, round_: InspectionRound, **values) -> DocumentSettings:
    require(documents_policy.can_write_round_documents(user, round_))
    settings, _ = DocumentSettings.objects.select_for_update().get_or_create(round=round_)
    for name in ("issuer", "principal", "date"):
        if name in values:
            setattr(settings, name, values[name])
    settings.full_clean()
    settings.save()
    return settings


@transaction.atomic
def save_texts(user, round_: InspectionRound, kind: str, texts: dict[str, str]) -> dict:
    """The office's wording of one kind; a text equal to the default, or empty, goes back to
    the default."""
    require(documents_policy.can_write_round_documents(user, round_))
    if kind not in DEFAULTS:
        raise ValidationError({"kind": f"没有这种文书：{kind}。"})
    unknown = set(texts) - set(DEFAULTS[kind])
    if unknown:
        raise ValidationError(
            {"texts": f"{KINDS[kind]}没有这些文字项：{'、'.join(sorted(unknown))}。"}
        )
    errors = {key: "不能超过 2000 字。" for key, text in texts.items() if len(text) > 2000}
    errors |= {key: "不能包含空字符。" for key, text in texts.items() if "\x00" in text}
    if errors:
        raise ValidationError(errors)
    settings, _ = DocumentSettings.objects.select_for_update().get_or_create(round=round_)
    own = {
        key: text.strip()
        for key, text in texts.items()
        if text.strip() and text.strip() != DEFAULTS[kind][key]
    }
    kept = {k: v for k, v in settings.texts.get(kind, {}).items() if k not in texts}
    settings.texts = {**settings.texts, kind: {**kept, **own}}
    settings.save(update_fields=["texts", "updated_at"])
    return settings.texts[kind]


@transaction.atomic
def upload_template(user, round_: InspectionRound | None, file_name: str, data: bytes):
    """A round's template (the office), or the installation's (round None: the system
    administrator, as base data)."""
    if round_ is None:
        if not is_system_administrator(user):
            raise ValidationError("全系统默认模板只能由系统管理员上传。")
    else:
        require(documents_policy.can_write_round_documents(user, round_))
    try:
        refuse_hostile(io.BytesIO(data), DEFAULT_LIMITS)
        notes = check_template(data)
    except Hostile as error:
        raise ValidationError({"file": f"“{file_name}”{error}。"}) from error
    except TemplateError as error:
        raise ValidationError({"file": str(error)}) from error
    template = DocumentTemplate.objects.filter(round=round_).first() or DocumentTemplate(
        round=round_
    )
    if template.file:
        _delete_when_committed(template.file)
    template.file_name = file_name[:255]
    template.notes = notes
    template.uploaded_by = user
    template.file.save(file_name, ContentFile(data), save=False)
    template.save()
    return template


@transaction.atomic
def remove_template(user, round_: InspectionRound) -> None:
    require(documents_policy.can_write_round_documents(user, round_))
    for template in DocumentTemplate.objects.filter(round=round_):
        _delete_when_committed(template.file)
        template.delete()


def _delete_when_committed(file) -> None:
    """A template's file goes once its row has: if the change is rolled back, the row still
    names a file that is there (else every document of the round would fail)."""
    storage, name = file.storage, file.name
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def withhold(user, problem: Problem, reason: str, note: str = "") -> Withholding:
    require(documents_policy.can_write_round_documents(user, problem.round))
    withholding = Withholding.objects.filter(problem=problem).first() or Withholding(
        problem=problem
    )
    withholding.reason, withholding.note, withholding.marked_by = reason, note, user
    withholding.full_clean()
    withholding.save()
    return withholding


@transaction.atomic
def disclose(user, problem: Problem) -> None:
    require(documents_policy.can_write_round_documents(user, problem.round))
    Withholding.objects.filter(problem=problem).delete()


# A leader's causes and own measures

LEADER_ITEMS = {"cause": Cause, "measure": PersonalMeasure}


@transaction.atomic
def add_items(user, round_: InspectionRound, person: Person, kind: str, texts: list[dict]):
    """Appends causes or own measures ({"text": …, "aspect": …}) after the person's last."""
    require(documents_policy.can_write_for(user, round_, person))
    model = LEADER_ITEMS[kind]
    mine = model.objects.filter(round=round_, person=person)
    number = mine.aggregate(n=Max("number"))["n"] or 0
    added = []
    for values in texts:
        number += 1
        item = model(round=round_, person=person, number=number, text=values["text"].strip())
        if kind == "cause" and values.get("aspect"):
            item.aspect = values["aspect"]
        item.full_clean()
        item.save()
        added.append(item)
    return added


@transaction.atomic
def update_item(user, item, text: str, aspect: str | None = None, number: int | None = None):
    require(documents_policy.can_write_for(user, item.round, item.person))
    item.text = text.strip()
    if aspect is not None and isinstance(item, Cause):
        item.aspect = aspect
    if number is not None:
        item.number = number
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def delete_item(user, item) -> None:
    require(documents_policy.can_write_for(user, item.round, item.person))
    item.delete()


def read_material(file_name: str, data: bytes) -> dict[str, list[str]]:
    """Causes and measures of earlier material (a speech outline, a self-examination), read by
    the document reader, for the leader to pick from."""
    try:
        draft = build_draft(read_bytes(data, file_name))
    except ReaderError as error:
        raise ValidationError({"file": str(error)}) from error
    except Exception as error:
        # The reader promises ReaderError only; anything else is a hostile file or a bug.
        logger.exception("reading %r failed", file_name)
        raise ValidationError({"file": "文件内容无法识别，可能已损坏。"}) from error
    return {
        "cause": [cause.text for cause in draft.causes],
        "measure": [measure.text for measure in draft.measures],
    }
