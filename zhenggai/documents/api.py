"""Documents over HTTP: the Excel ledger of a ledger view, each document as .docx or .pdf with
its check, the office's texts and settings, withheld problems, and a leader's causes and own
measures. The same services as the web pages and `zhenggai export`."""

import datetime
from typing import Literal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from ninja import Body, Query, Router, Schema, Status

from zhenggai.api.schemas import Id, Input, bounded_text
from zhenggai.documents import gather, services
from zhenggai.documents.models import Cause, PersonalMeasure, Withholding
from zhenggai.documents.policy import KINDS, ROUND_KINDS, get_person_in_round
from zhenggai.documents.views.downloads import ledger_response
from zhenggai.ledger import policy
from zhenggai.writer import PdfUnavailable, check
from zhenggai.writer.texts import DEFAULTS
from zhenggai.writer.texts import KINDS as LABELS

router = Router(tags=["整改文书"])

DocumentKind = Literal[*[k for k in KINDS if k != "ledger"]]  # type: ignore[valid-type]


class FindingOut(Schema):
    code: str
    message: str


class DocumentCheckOut(Schema):
    kind: str
    label: str
    findings: list[FindingOut]
    omitted: list[str]


class ExportQuery(Schema):
    format: Literal["docx", "pdf"] = "docx"
    person: Id | None = None
    notice: Id | None = None
    strict: bool = False


class RefusedOut(Schema):
    detail: str
    findings: list[FindingOut]


@router.get(
    "/rounds/{round_id}/ledger.xlsx",
    summary="导出整改台账（Excel）",
    description="查询参数与网页台账 /rounds/{id}/ledger/ 的筛选相同（view、q、category、unit、"
    "leader、status、kind、due_from、due_to、overdue、open_on、light、stage、unit_role、level、"
    "flag、sort），导出的行与该网页列出的相同。",
)
def ledger_xlsx(request, round_id: int):
    round_ = policy.get_round_for(request.auth, round_id)
    return ledger_response(request.auth, round_, request.GET)


@router.get(
    "/rounds/{round_id}/documents",
    response=list[DocumentCheckOut],
    summary="本轮文书及检查结果（整改办）",
)
def document_checks(request, round_id: int):
    round_ = policy.get_round_for(request.auth, round_id)
    documents = services.build_round_documents(request.auth, round_, ROUND_KINDS)
    return [_check_out(document) for document in documents]


@router.get(
    "/rounds/{round_id}/documents/{kind}/check",
    response=DocumentCheckOut,
    summary="检查一份文书（不生成文件）",
)
def document_check(request, round_id: int, kind: DocumentKind, filters: Query[ExportQuery]):
    round_ = policy.get_round_for(request.auth, round_id)
    document = services.build(request.auth, kind, round_, **_subject(request, round_, filters))
    return _check_out(document)


def _check_out(document) -> dict:
    return {
        "kind": document.kind,
        "label": LABELS[document.kind],
        "findings": check(document),
        "omitted": document.omitted,
    }


@router.get(
    "/rounds/{round_id}/documents/{kind}",
    response={200: None, 422: RefusedOut, 503: dict},
    summary="导出一份文书（.docx 或 .pdf）",
    description="检查发现的问题数在响应头 X-Zhenggai-Findings 中；strict=true 时有任何问题即"
    "返回 422 和问题清单，不生成文件。outline、self-examination 须带 person，notice 须带 notice。",
)
def document_file(request, round_id: int, kind: DocumentKind, filters: Query[ExportQuery]):
    round_ = policy.get_round_for(request.auth, round_id)
    try:
        result = services.export(
            request.auth,
            kind,
            round_,
            fmt=filters.format,
            strict=filters.strict,
            **_subject(request, round_, filters),
        )
    except services.Refused as refused:
        detail = f"文书有 {len(refused.findings)} 处需要处理，严格模式下不予导出。"
        return Status(422, {"detail": detail, "findings": refused.findings})
    except PdfUnavailable as error:
        return Status(503, {"detail": str(error)})
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = content_disposition_header(True, result.filename)
    response["X-Zhenggai-Findings"] = str(len(result.findings))
    return response


def _subject(request, round_, filters: ExportQuery) -> dict:
    subject = {}
    if filters.person:
        subject["person"] = policy.get_person_for(request.auth, filters.person)
    if filters.notice:
        subject["notice"] = services.get_notice(request.auth, round_, filters.notice)
    return subject


# The office's texts and settings


class TextsOut(Schema):
    kind: str
    label: str
    texts: dict[str, str]
    defaults: dict[str, str]


@router.get("/rounds/{round_id}/document-texts/{kind}", response=TextsOut, summary="文书的固定文字")
def texts_get(request, round_id: int, kind: DocumentKind):
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    own = gather.settings_of(round_).texts.get(kind, {})
    return {
        "kind": kind,
        "label": LABELS[kind],
        "texts": {**DEFAULTS[kind], **own},
        "defaults": DEFAULTS[kind],
    }


@router.patch(
    "/rounds/{round_id}/document-texts/{kind}",
    response=TextsOut,
    summary="修改文书的固定文字（空文字恢复默认）",
)
def texts_patch(request, round_id: int, kind: DocumentKind, payload: Body[dict[str, str]]):
    round_ = policy.get_round_for(request.auth, round_id)
    own = services.save_texts(request.auth, round_, kind, payload)
    return {
        "kind": kind,
        "label": LABELS[kind],
        "texts": {**DEFAULTS[kind], **own},
        "defaults": DEFAULTS[kind],
    }


class SettingsIn(Input):
    issuer: bounded_text(100) = None
    principal: Id | None = None
    date: datetime.date | None = None


class SettingsOut(Schema):
    issuer: str
    principal: int | None
    date: datetime.date | None

    @staticmethod
    def resolve_principal(obj):
        return obj.principal_id


@router.patch(
    "/rounds/{round_id}/document-settings",
    response=SettingsOut,
    summary="署名、主要负责人和成文日期",
)
def settings_patch(request, round_id: int, payload: SettingsIn):
    round_ = policy.get_round_for(request.auth, round_id)
    values = payload.dict(exclude_unset=True)
    if values.get("principal"):
        values["principal"] = policy.get_person_for(request.auth, values["principal"])
    return services.update_settings(request.auth, round_, **values)


class WithholdingIn(Input):
    reason: Literal[*Withholding.Reason.values]  # type: ignore[valid-type]
    note: bounded_text(500) = ""


class WithholdingOut(Schema):
    problem: int
    reason: str
    reason_label: str
    note: str

    @staticmethod
    def resolve_problem(obj):
        return obj.problem_id

    @staticmethod
    def resolve_reason_label(obj):
        return obj.get_reason_display()


@router.put(
    "/problems/{problem_id}/withholding",
    response=WithholdingOut,
    summary="标记问题不列入公开通报",
)
def withholding_put(request, problem_id: int, payload: WithholdingIn):
    problem = policy.get_problem_for(request.auth, problem_id)
    return services.withhold(request.auth, problem, payload.reason, payload.note)


@router.delete(
    "/problems/{problem_id}/withholding", response={204: None}, summary="恢复列入公开通报"
)
def withholding_delete(request, problem_id: int):
    problem = policy.get_problem_for(request.auth, problem_id)
    services.disclose(request.auth, problem)
    return Status(204, None)


# A leader's causes and own measures

ITEM_KINDS = {"causes": ("cause", Cause), "measures": ("measure", PersonalMeasure)}
ItemKind = Literal["causes", "measures"]


class LeaderItemIn(Input):
    text: bounded_text(3000, required=True)
    aspect: Literal[*Cause.Aspect.values] | None = None  # type: ignore[valid-type]


class LeaderItemOut(Schema):
    id: int
    number: int
    text: str
    aspect: str | None = None


@router.get(
    "/rounds/{round_id}/persons/{person_id}/{kind}",
    response=list[LeaderItemOut],
    summary="领导的原因剖析（causes）或个人整改措施（measures）",
)
def items_list(request, round_id: int, person_id: int, kind: ItemKind):
    round_ = policy.get_round_for(request.auth, round_id)
    person = get_person_in_round(request.auth, round_, person_id)
    return ITEM_KINDS[kind][1].objects.filter(round=round_, person=person)


@router.post(
    "/rounds/{round_id}/persons/{person_id}/{kind}",
    response={201: LeaderItemOut},
    summary="添加原因剖析或个人整改措施",
)
def items_add(request, round_id: int, person_id: int, kind: ItemKind, payload: LeaderItemIn):
    round_ = policy.get_round_for(request.auth, round_id)
    person = get_person_in_round(request.auth, round_, person_id)
    item_kind = ITEM_KINDS[kind][0]
    added = services.add_items(request.auth, round_, person, item_kind, [payload.dict()])
    return Status(201, added[0])


@router.patch(
    "/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}",
    response=LeaderItemOut,
    summary="修改原因剖析或个人整改措施",
)
def items_change(
    request, round_id: int, person_id: int, kind: ItemKind, item_id: int, payload: LeaderItemIn
):
    item = _item(request, round_id, person_id, kind, item_id)
    return services.update_item(request.auth, item, payload.text, payload.aspect)


@router.delete(
    "/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}",
    response={204: None},
    summary="删除原因剖析或个人整改措施",
)
def items_delete(request, round_id: int, person_id: int, kind: ItemKind, item_id: int):
    services.delete_item(request.auth, _item(request, round_id, person_id, kind, item_id))
    return Status(204, None)


def _item(request, round_id, person_id, kind, item_id):
    round_ = policy.get_round_for(request.auth, round_id)
    person = get_person_in_round(request.auth, round_, person_id)
    return policy.get_visible(
        ITEM_KINDS[kind][1].objects.filter(round=round_, person=person), item_id
    )
