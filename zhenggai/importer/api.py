"""Document import over HTTP: upload a file to get a draft, read and edit the draft, apply it
to the ledger or discard it. The same services as the web pages and `zhenggai import`."""

import datetime
import json
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from zhenggai.api.schemas import Id, Input, RoundRef
from zhenggai.importer import items, services
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger import policy

router = Router(tags=["文档导入"])


class WarningOut(Schema):
    code: str
    message: str
    line: int | None
    text: str


class BatchOut(Schema):
    id: int
    round: RoundRef
    file_name: str
    sha256: str
    format: str
    encoding: str
    title: str
    genre: str
    genre_label: str
    evidence: list[WarningOut]
    status: str
    status_label: str
    uploaded_at: datetime.datetime
    applied_at: datetime.datetime | None
    warnings: list[WarningOut]
    draft: dict
    created: dict
    review_url: str

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def resolve_genre_label(obj):
        return obj.get_genre_display()

    @staticmethod
    def resolve_review_url(obj):
        return obj.get_absolute_url()


class ItemIn(Input):
    """Only the fields of the item's kind; see the draft's shape in the documentation."""

    accepted: bool = None
    title: str = None
    target: Literal["new"] | Id = None
    text: str = None
    manifestations: str = None
    lead_leader: Id | None = None
    lead_unit: Id | None = None
    is_key: bool = None
    kind: Literal["", "immediate", "time_bound", "ongoing"] = None
    deadline: datetime.date | None = None
    cooperating_units: list[Id] = None
    person_in_charge: Id | None = None
    problem: str = None


class ItemOut(Schema):
    kind: str
    item: dict
    missing: dict[str, str]


@router.get("/rounds/{round_id}/imports", response=list[BatchOut], summary="本轮导入记录")
def list_batches(request, round_id: int):
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    return round_.imports.select_related("round")


@router.post(
    "/rounds/{round_id}/imports", response={201: BatchOut}, summary="上传文档，生成导入草稿"
)
def upload(request, round_id: int, file: File[UploadedFile], again: Form[bool] = False):
    """multipart/form-data：file 为文档；同一文件已导入过本轮时返回 409，确需再次导入请加
    again=true。草稿不改动台账。"""
    round_ = policy.get_round_for(request.auth, round_id, write=True)
    if file.size > services.max_upload_bytes():
        raise HttpError(413, f"文件超过 {services.upload_limit()} 的上限，无法导入。")
    try:
        batch = services.upload(request.auth, round_, file.name, file.read(), again=again)
    except services.DuplicateImport as duplicate:
        raise HttpError(409, f"{duplicate}如确需再次导入，请加 again=true。") from duplicate
    return Status(201, batch)


@router.get("/imports/{batch_id}", response=BatchOut, summary="导入草稿")
def get_batch(request, batch_id: int):
    return services.get_batch_for(request.auth, batch_id)


@router.patch("/imports/{batch_id}/items/{key}", response=ItemOut, summary="修改草稿中的一项")
def edit_item(request, batch_id: int, key: str, payload: ItemIn):
    batch = services.get_batch_for(request.auth, batch_id)
    values = payload.model_dump(exclude_unset=True)
    kind, item = services.save_item(request.auth, batch, key, **values)
    return {"kind": kind, "item": item, "missing": items.missing(kind, item)}


@router.post("/imports/{batch_id}/apply", response=BatchOut, summary="导入台账")
def apply(request, batch_id: int):
    """一个事务：全部导入，或（有未处理的项时返回 422 并逐项说明）全部不导入。
    本轮导出的台账改后导回时，accept 列出采用的修改
    （draft.ledger_changes.entries 的 key），不填即全部采用。"""
    batch = services.get_batch_for(request.auth, batch_id)
    services.apply(request.auth, batch, _accepted(request))
    return ImportBatch.objects.get(pk=batch.pk)


@router.post("/imports/{batch_id}/discard", response=BatchOut, summary="放弃导入")
def discard(request, batch_id: int):
    batch = services.get_batch_for(request.auth, batch_id)
    return services.discard(request.auth, batch)


def _accepted(request) -> set[str] | None:
    """The optional JSON body {"accept": ["x1", …]}: which differences of a ledger brought
    back to apply; without it, all (and a draft of another kind ignores it)."""
    body = request.body
    if request.content_type != "application/json" or not body.strip():
        return None
    try:
        accept = json.loads(body).get("accept")
    except (ValueError, AttributeError) as error:
        raise ValidationError(
            {"accept": '请求内容应为 JSON 对象，如 {"accept": ["x1"]}。'}
        ) from error
    if accept is None:
        return None
    if not isinstance(accept, list) or not all(isinstance(key, str) for key in accept):
        raise ValidationError({"accept": 'accept 应为修改编号的列表，如 ["x1", "x3"]。'})
    return set(accept)
