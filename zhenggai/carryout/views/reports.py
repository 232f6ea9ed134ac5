"""Progress reports: the form, a measure's history, and the evidence files."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import render

from zhenggai.audit import record as audit
from zhenggai.carryout import policy, services
from zhenggai.carryout.files import CONTENT_TYPES
from zhenggai.carryout.forms import ReportForm
from zhenggai.carryout.views.common import (
    back_to_problem,
    good_files,
    performed,
    refused_status,
    say_refused,
)
from zhenggai.files.serving import open_checked
from zhenggai.ledger import policy as ledger_policy


def _corrected(measure, raw):
    """The report a correction is about, when the URL or the form names one of this measure."""
    if not str(raw or "").isdigit():
        return None
    return measure.reports.filter(pk=int(raw)).first()


@login_required
def report_create(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    statuses = policy.report_statuses(request.user, measure)
    if not statuses:
        ledger_policy.require(policy.can_report(request.user, measure))
    corrected = _corrected(measure, request.POST.get("corrects") or request.GET.get("corrects"))
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        measure=measure,
        statuses=statuses,
        initial={"corrects": corrected.pk if corrected else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files, refused = good_files(form)
        if files is not None and performed(
            form,
            lambda: services.submit_report(
                request.user,
                measure,
                as_of=data["as_of"],
                text=data["text"],
                status=data["status"],
                percent=data["percent"],
                files=files,
                corrects=data["corrects"],
            ),
        ):
            messages.success(request, f"已报送措施 {measure.code} 的进展。")
            say_refused(request, refused)
            return back_to_problem(measure.problem_id, measure.pk)
    context = {"form": form, "measure": measure, "corrected": corrected}
    return render(request, "carryout/report_form.html", context, status=refused_status(form))


@login_required
def report_list(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    reports = (
        measure.reports.select_related("submitted_by__person", "corrects")
        .prefetch_related("evidence")
        .order_by("-pk")
    )
    page = Paginator(reports, settings.LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "measure": measure,
        "page": page,
        "verifications": measure.verifications.select_related("verifier__person", "verifier_unit")
        .prefetch_related("evidence", "members__person")
        .order_by("-pk"),
        "reopenings": measure.reopenings.select_related("reopened_by__person").order_by("-pk"),
        "can_report": bool(policy.report_statuses(request.user, measure)),
    }
    return render(request, "carryout/report_list.html", context)


def evidence_response(user, pk) -> FileResponse:
    """Always a download, never shown inline, typed by what the file was checked to be, and
    only while it is what was uploaded (FileAltered otherwise)."""
    evidence = policy.get_evidence_for(user, pk)
    handle = open_checked(evidence.file, evidence.sha256, evidence.original_name, user)
    audit.download(user, evidence, evidence.original_name)
    content_type = evidence.content_type
    if content_type not in CONTENT_TYPES.values():
        content_type = "application/octet-stream"
    return FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=content_type
    )


@login_required
def evidence_download(request, pk):
    return evidence_response(request.user, pk)
