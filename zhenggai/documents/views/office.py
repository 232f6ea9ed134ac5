"""The round's documents page, for the office: each document with what its check found, the
signer and date, the texts, the Word template, and the problems withheld from the public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.documents import gather, services
from zhenggai.documents.forms import SettingsForm, TextsForm, UploadForm, WithholdingForm
from zhenggai.documents.models import DocumentTemplate, Withholding
from zhenggai.documents.policy import ROUND_KINDS, can_write_round_documents
from zhenggai.ledger import policy
from zhenggai.ledger.models import Person
from zhenggai.ledger.policy import require
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.writer import check, pdf
from zhenggai.writer.texts import DEFAULTS, KINDS


def _office_round(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    require(can_write_round_documents(request.user, round_))
    return round_


@login_required
def documents(request, pk, settings_form=None, upload_form=None):
    round_ = _office_round(request, pk)
    settings = gather.settings_of(round_)
    rows = [
        {
            "kind": document.kind,
            "label": KINDS[document.kind],
            "findings": check(document),
            "omitted": document.omitted,
        }
        for document in services.build_round_documents(request.user, round_, ROUND_KINDS)
    ]
    context = {
        "round": round_,
        "rows": rows,
        "leaders": _leaders(round_),
        "withheld": Withholding.objects.filter(problem__round=round_)
        .select_related("problem__category", "marked_by__person")
        .order_by("problem__position"),
        "template": DocumentTemplate.objects.filter(round=round_).first(),
        "installation_template": DocumentTemplate.objects.filter(round__isnull=True).first(),
        "settings_form": settings_form or SettingsForm(instance=settings, round_=round_),
        "upload_form": upload_form or UploadForm(),
        "text_kinds": [(kind, KINDS[kind]) for kind in DEFAULTS],
        "pdf_available": pdf.available(),
        "pdf_unavailable": pdf.NOT_INSTALLED,
    }
    return render(request, "documents/documents.html", context)


def _leaders(round_):
    """Everyone who leads or claimed a problem of the round, for their material's page."""
    return Person.objects.filter(
        Q(led_problems__round=round_) | Q(claim__problem__round=round_)
    ).distinct()


@require_POST
@login_required
def settings_save(request, pk):
    round_ = _office_round(request, pk)
    form = SettingsForm(request.POST, instance=gather.settings_of(round_), round_=round_)
    if form.is_valid():
        try:
            services.update_settings(request.user, round_, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "已保存署名和成文日期。")
            return redirect("documents:documents", round_.pk)
    return documents(request, pk, settings_form=form)


@login_required
def texts(request, pk, kind):
    round_ = _office_round(request, pk)
    if kind not in DEFAULTS:
        raise Http404("没有这种文书。")
    current = gather.settings_of(round_).texts.get(kind, {})
    form = TextsForm(request.POST or None, kind=kind, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_texts(request.user, round_, kind, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已保存“{KINDS[kind]}”的文字。")
            return redirect("documents:documents", round_.pk)
    context = {"round": round_, "form": form, "kind": kind, "label": KINDS[kind]}
    return render(request, "documents/texts.html", context)


@require_POST
@login_required
def template_upload(request, pk):
    round_ = _office_round(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            template = services.upload_template(request.user, round_, upload.name, upload.read())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已启用模板“{template.file_name}”。")
            for note in template.notes:
                messages.warning(request, note)
            return redirect("documents:documents", round_.pk)
    return documents(request, pk, upload_form=form)


@require_POST
@login_required
def template_remove(request, pk):
    round_ = _office_round(request, pk)
    services.remove_template(request.user, round_)
    messages.success(request, "已停用本轮模板，文书恢复为标准公文格式。")
    return redirect("documents:documents", round_.pk)


@require_POST
@login_required
def withholding(request, pk):
    problem = policy.get_problem_for(request.user, pk)
    if "disclose" in request.POST:
        services.disclose(request.user, problem)
        messages.success(request, f"问题 {problem.code} 将列入公开通报。")
    else:
        form = WithholdingForm(request.POST)
        if not form.is_valid():
            messages.error(request, "请选择不予公开的理由。")
            return redirect("ledger:problem_detail", problem.pk)
        services.withhold(request.user, problem, **form.cleaned_data)
        messages.success(request, f"问题 {problem.code} 不列入公开通报。")
    return redirect("ledger:problem_detail", problem.pk)


def withholding_panel(request, problem, measures) -> dict:
    """Registered as a problem panel: the office marks a problem as withheld from the public
    disclosure; nobody else sees the panel."""
    if not can_write_round_documents(request.user, problem.round)[0]:
        return {"hidden": True}
    current = Withholding.objects.filter(problem=problem).first()
    return {"current": current, "form": WithholdingForm(instance=current)}
