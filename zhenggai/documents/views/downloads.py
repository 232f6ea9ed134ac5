"""Downloads: the Excel ledger of a ledger view, a round's documents, a leader's material and a
supervision notice, each as the services write them."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from zhenggai.documents import services
from zhenggai.documents.policy import PERSON_KINDS, ROUND_KINDS, get_person_in_round
from zhenggai.ledger import policy
from zhenggai.supervision import policy as supervision_policy
from zhenggai.writer import PdfUnavailable
from zhenggai.writer.texts import KINDS


@require_GET
@login_required
def ledger_xlsx(request, pk):
    """The ledger view the query string describes (the ledger page's own), as .xlsx."""
    round_ = policy.get_round_for(request.user, pk)
    return ledger_response(request.user, round_, request.GET)


def ledger_response(user, round_, params) -> FileResponse:
    """Written to a temporary file, then streamed: the rows never sit in memory together.
    The file goes when the response closes it."""
    handle = tempfile.NamedTemporaryFile(prefix="zhenggai-ledger-", suffix=".xlsx")  # noqa: SIM115
    ledger = services.export_ledger(user, round_, params, Path(handle.name))
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=services.ledger_filename(round_),
        content_type=services.FORMATS["xlsx"],
    )
    response["X-Zhenggai-Findings"] = str(len(ledger.findings))
    return response


@require_GET
@login_required
def round_document(request, pk, kind):
    round_ = policy.get_round_for(request.user, pk)
    if kind not in ROUND_KINDS:
        return _refused(request, round_, f"没有这种文书：{kind}。", 404)
    return _export(request, round_, kind)


@require_GET
@login_required
def leader_document(request, pk, person_pk, kind):
    round_ = policy.get_round_for(request.user, pk)
    person = get_person_in_round(request.user, round_, person_pk)
    if kind not in PERSON_KINDS:
        return _refused(request, round_, f"没有这种文书：{kind}。", 404)
    return _export(request, round_, kind, person=person)


@require_GET
@login_required
def notice_document(request, pk):
    notice = supervision_policy.get_notice_for(request.user, pk)
    return _export(request, notice.round, "notice", notice=notice)


def _export(request, round_, kind, **subject):
    fmt = request.GET.get("format", "docx")
    strict = request.GET.get("strict") in ("1", "on", "true")
    try:
        result = services.export(request.user, kind, round_, fmt=fmt, strict=strict, **subject)
    except services.Refused as refused:
        return _refused(request, round_, str(refused).split("\n", 1)[0], 422, refused.findings)
    except PdfUnavailable as error:
        return _refused(request, round_, str(error), 503)
    except ValidationError as error:
        return _refused(request, round_, "；".join(error.messages), 422)
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = content_disposition_header(True, result.filename)
    response["X-Zhenggai-Findings"] = str(len(result.findings))
    return response


def _refused(request, round_, message: str, status: int, findings=()) -> HttpResponse:
    context = {"round": round_, "message": message, "findings": findings, "kinds": KINDS}
    return render(request, "documents/refused.html", context, status=status)
