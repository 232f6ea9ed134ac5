"""Carrying measures out over HTTP: progress reports with evidence (multipart), verifications
of measures and problems, reopening, and evidence downloads. The same services and the same
rules as the web pages; refusals come back as the API's Chinese errors (403 for who, 422 for
what). Mounted by zhenggai/api/urls.py like the other routers."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from zhenggai.api.schemas import Id, Input, Pagination, UnitRef, bounded_text, choice_of
from zhenggai.carryout import services
from zhenggai.carryout.models import ProgressReport, Verification
from zhenggai.carryout.views.reports import evidence_response
from zhenggai.ledger import policy as ledger_policy

router = Router(tags=["整改落实"])

MAX_METHODS = len(Verification.Method.values)


class EvidenceOut(Schema):
    id: int
    name: str = Field(alias="original_name")
    size: int
    sha256: str
    content_type: str
    url: str

    @staticmethod
    def resolve_url(obj):
        return f"/api/evidence/{obj.pk}"


def _name(user) -> str:
    person = getattr(user, "person", None)
    return person.name if person else user.get_full_name() or user.username


class ReportOut(Schema):
    id: int
    measure_id: int
    as_of: datetime.date
    text: str
    status: str
    status_label: str
    percent: int | None
    corrects_id: int | None
    submitted_by: str
    submitted_at: datetime.datetime
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def resolve_submitted_by(obj):
        return _name(obj.submitted_by)

    @staticmethod
    def resolve_evidence(obj):
        return obj.evidence.all()


class VerificationOut(Schema):
    id: int
    measure_id: int | None
    problem_id: int | None
    methods: list[str]
    method_labels: list[str]
    verified_on: datetime.date
    findings: str
    result: str
    result_label: str
    verifier: str
    verifier_unit: UnitRef | None
    created_at: datetime.datetime
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_result_label(obj):
        return obj.get_result_display()

    @staticmethod
    def resolve_verifier(obj):
        return _name(obj.verifier)

    @staticmethod
    def resolve_evidence(obj):
        return obj.evidence.all()


class ReopeningOut(Schema):
    id: int
    measure_id: int | None
    problem_id: int | None
    reason: str
    is_rebound: bool
    previous_status: str
    previously_closed_on: datetime.date | None
    reopened_at: datetime.datetime


class ReportIn(Input):
    as_of: datetime.date = Field(description="截至日期，不能晚于今天、不能早于反馈日期")
    text: bounded_text(5000, required=True) = Field(description="进展情况")
    status: choice_of(ProgressReport, "status") = Field(description="进展状态")
    percent: int | None = Field(None, ge=0, le=100, description="完成比例（%）")
    corrects: Id | None = Field(None, description="更正的报告编号（本措施的报告）")


class VerificationIn(Input):
    methods: list[Literal[*Verification.Method.values]] = Field(
        ..., min_length=1, max_length=MAX_METHODS, description="核查方式，可多选"
    )
    verified_on: datetime.date
    findings: bounded_text(5000, required=True)
    result: choice_of(Verification, "result")


class ReopenIn(Input):
    reason: bounded_text(2000, required=True)
    is_rebound: bool = Field(False, description="是否属于变异反弹")


def _reports(measure):
    return measure.reports.select_related("submitted_by__person").prefetch_related("evidence")


def _verifications(queryset):
    return queryset.select_related("verifier__person", "verifier_unit").prefetch_related("evidence")


@router.get("/measures/{measure_id}/reports", response=list[ReportOut], summary="措施的进展报告")
@paginate(Pagination)
def list_reports(request, measure_id: int):
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    return _reports(measure).order_by("-pk")


@router.post(
    "/measures/{measure_id}/reports", response={201: ReportOut}, summary="报送进展（可附佐证材料）"
)
def submit_report(
    request,
    measure_id: int,
    payload: Form[ReportIn],
    files: File[list[UploadedFile]] = None,
):
    """multipart/form-data：files 可重复，每个为一份佐证材料（PDF、Word、Excel、WPS、OFD、图片）。
    任何一个文件不合格，整份报告都不保存。报告提交后不能修改，更正请另报一份并填写 corrects。"""
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    corrects = None
    if payload.corrects is not None:
        corrects = measure.reports.filter(pk=payload.corrects).first()
        if corrects is None:
            raise ValidationError({"corrects": "只能更正本措施的进展报告。"})
    report = services.submit_report(
        request.auth,
        measure,
        as_of=payload.as_of,
        text=payload.text,
        status=payload.status,
        percent=payload.percent,
        files=files or [],
        corrects=corrects,
    )
    return Status(201, _reports(measure).get(pk=report.pk))


@router.get(
    "/measures/{measure_id}/verifications", response=list[VerificationOut], summary="措施的核查记录"
)
def list_measure_verifications(request, measure_id: int):
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    return _verifications(measure.verifications.order_by("-pk"))


@router.post(
    "/measures/{measure_id}/verifications",
    response={201: VerificationOut},
    summary="核查措施（通过即销号，不通过即退回）",
)
def verify_measure(
    request, measure_id: int, payload: Form[VerificationIn], files: File[list[UploadedFile]] = None
):
    """methods 可重复；仅听取汇报不能销号，核查人不能来自责任单位，重点问题按轮次要求须实地核查。"""
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    verification = services.verify_measure(
        request.auth, measure, **payload.model_dump(), files=files or []
    )
    return Status(201, _verifications(Verification.objects).get(pk=verification.pk))


@router.get(
    "/problems/{problem_id}/verifications",
    response=list[VerificationOut],
    summary="问题的整体核查记录",
)
def list_problem_verifications(request, problem_id: int):
    problem = ledger_policy.get_problem_for(request.auth, problem_id)
    return _verifications(problem.verifications.order_by("-pk"))


@router.post(
    "/problems/{problem_id}/verifications",
    response={201: VerificationOut},
    summary="问题整体核查（全部措施销号后）",
)
def verify_problem(
    request, problem_id: int, payload: Form[VerificationIn], files: File[list[UploadedFile]] = None
):
    """不通过时，问题的全部措施退回重改。"""
    problem = ledger_policy.get_problem_for(request.auth, problem_id)
    verification = services.verify_problem(
        request.auth, problem, **payload.model_dump(), files=files or []
    )
    return Status(201, _verifications(Verification.objects).get(pk=verification.pk))


@router.post(
    "/measures/{measure_id}/reopen", response={201: ReopeningOut}, summary="重新打开已销号的措施"
)
def reopen_measure(request, measure_id: int, payload: ReopenIn):
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    return Status(201, services.reopen_measure(request.auth, measure, **payload.model_dump()))


@router.post(
    "/problems/{problem_id}/reopen",
    response={201: ReopeningOut},
    summary="重新打开已销号的问题（含全部措施）",
)
def reopen_problem(request, problem_id: int, payload: ReopenIn):
    problem = ledger_policy.get_problem_for(request.auth, problem_id)
    return Status(201, services.reopen_problem(request.auth, problem, **payload.model_dump()))


@router.get("/evidence/{evidence_id}", summary="下载佐证材料")
def download_evidence(request, evidence_id: int):
    """以附件形式返回文件；只有能看到对应措施或问题的用户可以下载。"""
    return evidence_response(request.auth, evidence_id)
