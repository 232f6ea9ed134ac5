"""The audit page (审计日志): the entries the policy lets the user read, filtered, a page at a
time, and the filtered view as CSV or .xlsx."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zhenggai.audit import export, policy, trail
from zhenggai.audit.display import changes, type_label
from zhenggai.audit.forms import EntryFilterForm
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.ledger.policy import require

PAGE_SIZE = 50


def _entries(request):
    require(policy.can_read(request.user))
    form = EntryFilterForm(request.user, request.GET or None)
    entries = AuditEntry.objects.filter(policy.entries_scope(request.user))
    return form, form.filter(entries).order_by("-seq")


@require_GET
@login_required
def entry_list(request):
    form, entries = _entries(request)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    rows = [(entry, type_label(entry.object_type), changes(entry)) for entry in page]
    context = {"form": form, "page": page, "rows": rows, "querystring": params.urlencode()}
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, "audit/entry_list.html#results", context)
    return render(request, "audit/entry_list.html", context)


@require_GET
@login_required
def entry_export(request, fmt):
    """The filtered view, oldest first, written to a temporary file and streamed."""
    form, entries = _entries(request)
    handle = tempfile.NamedTemporaryFile(prefix="zhenggai-audit-", suffix=f".{fmt}")  # noqa: SIM115
    count = export.write(entries.order_by("seq").iterator(chunk_size=2000), Path(handle.name))
    filename = f"操作日志{timezone.localdate():%Y%m%d}.{fmt}"
    trail.append(
        Kind.EXPORT,
        object_type="audit.auditentry",
        object_text="操作日志",
        after={"文件": filename, "条数": count, "条件": request.GET.urlencode()},
    )
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename)
