"""A leader's material for a round's special meeting: the causes and own measures the leader
writes (or brings in from earlier material through the document reader), and the speech
outline and self-examination material built from them and the leader's problems."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.documents import gather, services
from zhenggai.documents.forms import ItemForm, UploadForm
from zhenggai.documents.models import Cause, PersonalMeasure
from zhenggai.documents.policy import get_person_in_round
from zhenggai.ledger import policy
from zhenggai.ledger.queries import with_measure_flag
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.writer import check, pdf

MODELS = {"cause": Cause, "measure": PersonalMeasure}
NAMES = {"cause": "原因剖析", "measure": "个人整改措施"}


def _subject(request, pk, person_pk):
    round_ = policy.get_round_for(request.user, pk)
    return round_, get_person_in_round(request.user, round_, person_pk)


@login_required
def materials(request, pk, person_pk, forms=None):
    round_, person = _subject(request, pk, person_pk)
    outline = services.build(request.user, "outline", round_, person=person)
    problems = gather.leader_problems(request.user, round_, person)
    context = {
        "round": round_,
        "person": person,
        "problems": with_measure_flag(problems).select_related("category").order_by("position"),
        "causes": Cause.objects.filter(round=round_, person=person),
        "measures": PersonalMeasure.objects.filter(round=round_, person=person),
        "findings": check(outline),
        "forms": forms or _empty_forms(),
        "upload_form": UploadForm(),
        "pdf_available": pdf.available(),
        "pdf_unavailable": pdf.NOT_INSTALLED,
    }
    return render(request, "documents/materials.html", context)


def _empty_forms() -> dict:
    return {kind: ItemForm(prefix=kind) for kind in MODELS}


@require_POST
@login_required
def item_add(request, pk, person_pk, kind):
    round_, person = _subject(request, pk, person_pk)
    if kind not in MODELS:
        raise Http404("没有这一项。")
    form = ItemForm(request.POST, prefix=kind)
    if form.is_valid():
        try:
            services.add_items(request.user, round_, person, kind, [form.cleaned_data])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已添加{NAMES[kind]}。")
            return redirect("documents:materials", round_.pk, person.pk)
    forms = {**_empty_forms(), kind: form}
    return materials(request, pk, person_pk, forms=forms)


@require_POST
@login_required
def item_change(request, pk, person_pk, kind, item_pk):
    round_, person = _subject(request, pk, person_pk)
    if kind not in MODELS:
        raise Http404("没有这一项。")
    item = MODELS[kind].objects.filter(round=round_, person=person, pk=item_pk).first()
    if item is None:
        raise Http404("没有这一项，或已被删除。")
    if "delete" in request.POST:
        services.delete_item(request.user, item)
        messages.success(request, f"已删除一条{NAMES[kind]}。")
    else:
        form = ItemForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_item(request.user, item, data["text"], data["aspect"] or None)
            except ValidationError as error:
                messages.error(request, "；".join(error.messages))
            else:
                messages.success(request, f"已保存{NAMES[kind]}。")
        else:
            messages.error(request, "内容不能为空，且不能超过 3000 字。")
    return redirect("documents:materials", round_.pk, person.pk)


@require_POST
@login_required
def material_import(request, pk, person_pk):
    """Reads earlier material and shows its causes and measures to pick from; the picked ones
    are added by material_pick. Nothing is saved before the leader picks."""
    round_, person = _subject(request, pk, person_pk)
    form = UploadForm(request.POST, request.FILES)
    found: dict[str, list[str]] = {}
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            found = services.read_material(upload.name, upload.read())
        except ValidationError as error:
            apply_service_errors(form, error)
    if not form.is_valid() or form.errors:
        for message in (m for messages_ in form.errors.values() for m in messages_):
            messages.error(request, message)
        return redirect("documents:materials", round_.pk, person.pk)
    context = {"round": round_, "person": person, "found": found, "names": NAMES}
    return render(request, "documents/pick.html", context)


@require_POST
@login_required
def material_pick(request, pk, person_pk):
    round_, person = _subject(request, pk, person_pk)
    added = 0
    try:
        for kind in MODELS:
            picked = set(request.POST.getlist(f"pick-{kind}"))
            texts = request.POST.getlist(kind)
            chosen = [{"text": t} for i, t in enumerate(texts) if str(i) in picked and t.strip()]
            added += len(services.add_items(request.user, round_, person, kind, chosen))
    except ValidationError as error:
        messages.error(request, "未能添加：" + "；".join(error.messages))
    else:
        messages.success(request, f"已从材料中添加 {added} 条。")
    return redirect("documents:materials", round_.pk, person.pk)
