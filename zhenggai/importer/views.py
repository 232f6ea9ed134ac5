"""Upload → review → apply. Each review item saves itself through htmx when it changes; without
htmx every form still posts and comes back to the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from zhenggai.importer import drafts, items, ledger_changes, review, services
from zhenggai.importer.forms import Choices, UploadForm, item_form
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger import policy
from zhenggai.ledger.views.common import apply_service_errors

PAGE = "importer/batch.html"
ITEM_PARTIALS = {
    "category": "category_form",
    "problem": "problem_form",
    "measure": "measure_form",
    "speech_measure": "measure_form",
    "cause": "cause_form",
}


def _go(request, url: str):
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
def upload(request, round_pk):
    round_ = policy.get_round_for(request.user, round_pk, write=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            batch = services.upload(
                request.user,
                round_,
                uploaded.name,
                uploaded.read(),
                again=form.cleaned_data["again"],
            )
        except services.DuplicateImport as found:
            duplicate = found
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "已读取文档，请核对草稿后导入台账。")
            return _go(request, batch.get_absolute_url())
    context = {
        "round": round_,
        "form": form,
        "duplicate": duplicate,
        "limit": services.upload_limit(),
        "batches": round_.imports.select_related("uploaded_by__person")[:50],
    }
    template = "importer/upload.html#result" if request.htmx else "importer/upload.html"
    return render(request, template, context)


def _page(request, batch: ImportBatch, **extra):
    if services.is_ledger_changes(batch):
        return _changes_page(request, batch, **extra)
    rows, anchors = review.source_rows(batch)
    context = {
        "round": batch.round,
        "batch": batch,
        "source": rows,
        "warnings": review.warnings(batch, anchors),
        "counts": drafts.summary(batch.draft),
        "duplicates": batch.round.imports.filter(sha256=batch.sha256)
        .exclude(pk=batch.pk)
        .exclude(status=ImportBatch.Status.DISCARDED),
    }
    if batch.is_draft:
        context.update(review.draft_entries(batch, extra.pop("bound", None)))
    else:
        context.update(review.kept(batch), created=batch.problems.select_related("category"))
    return render(request, PAGE, context | extra)


def _changes_page(request, batch: ImportBatch, apply_errors=(), **extra):
    """The round's own ledger brought back: its differences, each to accept or not."""
    entries = batch.draft["ledger_changes"]["entries"]
    for entry in entries:
        entry["rows"] = [
            (ledger_changes.field_label(name), _shown(before), _shown(after))
            for name, (before, after) in entry["fields"].items()
        ] + [
            (ledger_changes.field_label(name), "", _shown(value))
            for name, value in entry["values"].items()
            if value
        ]
    context = {
        "round": batch.round,
        "batch": batch,
        "entries": entries,
        "counts": {
            change: sum(1 for e in entries if e["change"] == change)
            for change in ("changed", "added", "removed")
        },
        "apply_errors": apply_errors,
    }
    return render(request, "importer/changes.html", context)


def _shown(value) -> str:
    return "、".join(value) if isinstance(value, list) else str(value)


@login_required
def batch_page(request, pk):
    return _page(request, services.get_batch_for(request.user, pk))


@login_required
@require_POST
def item_save(request, pk, key):
    batch = services.get_batch_for(request.user, pk)
    try:
        kind, item = drafts.find(batch.draft, key)
    except KeyError:
        raise Http404("草稿中没有这一项。") from None
    choices = Choices.for_batch(batch)
    form = item_form(kind, item, choices, request.POST)
    lead = item.get("lead_unit")
    if form.is_valid():
        try:
            kind, item = services.save_item(request.user, batch, key, **form.values())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, "已保存。")
                return redirect(f"{batch.get_absolute_url()}#item-{key}")
            context = {"item": item, "missing": items.missing(kind, item), "saved": True}
            if "person_in_charge" in item and item["lead_unit"] != lead:
                # The person in charge is chosen from the new lead unit's tree.
                fresh = item_form(kind, item, choices)
                context |= {"entry": review.Entry(kind, item, fresh, {}), "oob": True}
            return render(request, f"{PAGE}#measure_saved", context)
    if not request.htmx:
        return _page(request, batch, bound=form)
    # Only an item with errors is redrawn: redrawing a saved one would take the cursor away.
    context = {"batch": batch, "entry": review.Entry(kind, item, form, {})}
    response = render(request, f"{PAGE}#{ITEM_PARTIALS[kind]}", context)
    return reswap(retarget(response, f"#form-{key}"), "outerHTML")


@login_required
@require_POST
def apply(request, pk):
    batch = services.get_batch_for(request.user, pk)
    if services.is_ledger_changes(batch):
        return _apply_changes(request, batch)
    try:
        created = services.apply(request.user, batch)
    except ValidationError as error:
        problems = [
            {"key": (part.params or {}).get("key"), "message": next(iter(part))}
            for part in error.error_list
        ]
        if request.htmx:
            return render(request, f"{PAGE}#apply_errors", {"apply_errors": problems})
        return _page(request, batch, apply_errors=problems)
    messages.success(request, _applied_message(created))
    return _go(request, batch.get_absolute_url())


def _apply_changes(request, batch: ImportBatch):
    try:
        created = services.apply(request.user, batch, set(request.POST.getlist("accept")))
    except ValidationError as error:
        return _changes_page(request, batch, apply_errors=error.messages)
    messages.success(
        request,
        f"已按台账修改：修改 {created['changed']} 处，新增 {created['added']} 项措施，"
        f"删除 {created['removed']} 项措施。",
    )
    return _go(request, batch.get_absolute_url())


def _applied_message(created: dict) -> str:
    message = (
        f"已导入台账：{created['categories']} 个新方面，{created['problems']} 个问题，"
        f"{created['measures']} 项整改措施。"
    )
    if created["causes"] or created["unattached_measures"]:
        message += "原因剖析和未归入问题的措施保存在本导入记录中。"
    return message


@login_required
@require_POST
def discard(request, pk):
    batch = services.get_batch_for(request.user, pk)
    try:
        services.discard(request.user, batch)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return _go(request, batch.get_absolute_url())
    messages.success(request, f"已放弃导入“{batch.file_name}”，台账未作任何改动。")
    return _go(request, reverse("importer:upload", args=[batch.round_id]))
