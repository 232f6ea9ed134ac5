"""举一反三 on the web: the office asks from a problem; each asked unit finds its requests in
its inbox and answers; the office reviews the "not present" answers of a round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.authority.roles import ACTING_UNIT_ROLES
from zhenggai.ledger.fields import MAX_KEY
from zhenggai.ledger.policy import (
    get_problem_for,
    get_round_for,
    require,
    rows_by_unit,
    run_rounds,
    supervises,
)
from zhenggai.ledger.queries import today
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.mechanisms import policy, services
from zhenggai.mechanisms.forms import (
    FoundForm,
    GeneralizeForm,
    NotPresentForm,
    ProposedMeasures,
    ReviewForm,
)
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer
from zhenggai.mechanisms.queries import (
    STATE_LABELS,
    answer_rows,
    askable_units,
    state_of,
    with_reach,
)
from zhenggai.mechanisms.views.files import download

Answer = GeneralizationAnswer.Answer
Review = GeneralizationAnswer.Review
LIMIT = 200


@login_required
def generalize(request, pk):
    problem = get_problem_for(request.user, pk)
    require(policy.can_ask(request.user, problem))
    scope = askable_units(request.user, problem.round)
    # The lead unit is not asked about its own problem, but its subtree may be the scope.
    units = scope.exclude(pk=problem.lead_unit_id) if problem.lead_unit_id else scope
    deadline = services.default_answer_deadline()
    form = GeneralizeForm(
        request.POST or None,
        units=units,
        scope=scope,
        initial={"answer_deadline": deadline.date},
    )
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            generalization = services.ask_generalization(
                request.user, problem, **values | {"units": list(values["units"])}
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            asked = generalization.answers.count()
            messages.success(request, f"已要求 {asked} 个单位对照问题 {problem.code} 举一反三。")
            return redirect("ledger:problem_detail", problem.pk)
    context = {"problem": problem, "round": problem.round, "form": form, "deadline": deadline}
    return render(request, "mechanisms/generalize_form.html", context)


@login_required
def inbox(request):
    """The requests the user's unit (and the units below it) must answer: not those of the
    rounds the user runs, which the office follows on each round's page."""
    round_field = "generalization__source__round"
    answers = (
        answer_rows(policy.answers_visible_to(request.user))
        .select_related(round_field)
        .filter(rows_by_unit(request.user, "unit", round_field, ACTING_UNIT_ROLES))
        .exclude(**{f"{round_field}__in": run_rounds(request.user)})
    )
    # One round's, as its home page figure counts them.
    round_pk = request.GET.get("round", "")
    if round_pk.isdigit() and int(round_pk) <= MAX_KEY:
        answers = answers.filter(**{f"{round_field}_id": int(round_pk)})
    pending = answers.filter(answer=Answer.PENDING)
    context = {
        "pending": pending.order_by("generalization__answer_deadline", "pk")[:LIMIT],
        # The heading counts them all; the list stops at LIMIT, the earliest due first.
        "pending_total": pending.count(),
        "answered": answers.exclude(answer=Answer.PENDING).order_by("-answered_at")[:LIMIT],
        "today": today(),
    }
    return render(request, "mechanisms/inbox.html", context)


@login_required
def answer(request, pk):
    answer = policy.get_answer_for(request.user, pk)
    can_answer, reason = policy.can_answer(request.user, answer)
    source = answer.generalization.source
    found_form = FoundForm(prefix="found", initial={"text": source.text})
    measures = ProposedMeasures(prefix="measures")
    absent_form = NotPresentForm(prefix="absent")
    if request.method == "POST":
        require((can_answer, reason))
        if request.POST.get("answer") == Answer.FOUND:
            found_form = FoundForm(request.POST, prefix="found")
            measures = ProposedMeasures(request.POST, prefix="measures")
            done = _answer_found(request, answer, found_form, measures)
        else:
            absent_form = NotPresentForm(request.POST, request.FILES, prefix="absent")
            done = _answer_not_present(request, answer, absent_form)
        if done:
            return done
    context = {
        "answer": answer,
        "state": state_of(answer),
        "state_label": STATE_LABELS[state_of(answer)],
        "source": source,
        "round": source.round,
        "can_answer": can_answer,
        "can_review": policy.can_review(request.user, answer)[0],
        "found_form": found_form,
        "measures": measures,
        "absent_form": absent_form,
        "review_form": ReviewForm(),
        "today": today(),
    }
    return render(request, "mechanisms/answer.html", context)


def _answer_found(request, answer, form, measures):
    # Both validated, so that every mistake shows at once.
    if not all([form.is_valid(), measures.is_valid()]):
        return None
    proposed = [row for row in measures.cleaned_data if row]
    try:
        problem = services.answer_found(
            request.user, answer, **form.cleaned_data, measures=proposed
        )
    except ValidationError as error:
        apply_service_errors(form, error)
        return None
    messages.success(request, f"已答复存在同类问题，已列入整改台账（问题 {problem.code}）。")
    return redirect("ledger:problem_detail", problem.pk)


def _answer_not_present(request, answer, form):
    if not form.is_valid():
        return None
    try:
        services.answer_not_present(request.user, answer, **form.cleaned_data)
    except ValidationError as error:
        apply_service_errors(form, error)
        return None
    messages.success(request, "已答复不存在同类问题，等待整改办审核。")
    return redirect("mechanisms:answer", answer.pk)


@login_required
def answer_evidence(request, pk):
    answer = policy.get_answer_for(request.user, pk)
    return download(request.user, answer.evidence, answer.evidence_sha256, answer.evidence_name)


@login_required
@require_POST
def review(request, pk):
    answer = policy.get_answer_for(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择认可或不认可，审核意见不超过500字。")
        return redirect("mechanisms:answer", answer.pk)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        services.review_answer(request.user, answer, accept=accept, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("mechanisms:answer", answer.pk)
    verdict = "认可" if accept else "不认可，已退回重新答复"
    messages.success(request, f"{answer.unit}的答复：{verdict}。")
    return redirect("mechanisms:round_generalizations", answer.generalization.source.round_id)


@login_required
def round_generalizations(request, round_pk):
    round_ = get_round_for(request.user, round_pk)
    if not supervises(request.user, round_):
        raise PermissionDenied(
            "只有整改办可以查看本轮举一反三的整体情况；被要求自查的单位请在“举一反三自查”中答复。"
        )
    generalizations = with_reach(Generalization.objects.filter(source__round=round_))
    awaiting = answer_rows(
        GeneralizationAnswer.objects.filter(
            generalization__source__round=round_, answer=Answer.NOT_PRESENT, review=Review.PENDING
        )
    )
    context = {
        "round": round_,
        "generalizations": generalizations.select_related("source__category", "asked_by").order_by(
            "-pk"
        )[:LIMIT],
        "awaiting": [
            (row, ReviewForm(auto_id=f"id_%s_{row.pk}")) for row in awaiting.order_by("pk")[:LIMIT]
        ],
        "awaiting_count": awaiting.count(),
        "today": today(),
    }
    return render(request, "mechanisms/round_generalizations.html", context)
