from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from zhenggai.dashboard import queries, tables
from zhenggai.dashboard.forms import DashboardForm
from zhenggai.ledger import policy
from zhenggai.ledger.queries import today


def _params(request) -> tuple[DashboardForm, dict]:
    form = DashboardForm(request.GET or None)
    form.is_valid()
    return form, getattr(form, "cleaned_data", {})


@login_required
def round_dashboard(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    form, params = _params(request)
    on = today()
    view, detail = queries.round_figures(request.user, round_, on, **params)
    query = request.GET.copy()

    def drill(unit_pk):
        query["unit"] = unit_pk
        return f"?{query.urlencode()}#units"

    context = {
        "round": round_,
        "form": form,
        "view": view,
        "detail": detail,
        "drill": drill,
        "tiles": tables.tiles(tables.TILES, view.totals, round_.pk),
        "must_be_zero": tables.tiles(tables.MUST_BE_ZERO, view.totals, round_.pk),
        "lasting": tables.tiles(tables.LASTING, view.totals, round_.pk),
        "red_all": tables.cell("red", view.totals, round_.pk),
        "trail": [(unit, drill(unit.pk)) for unit in detail.unit_trail],
        "tables": [
            tables.levels(round_.pk, view.levels),
            tables.trend(view.points, view.open_measures, round_.pk),
            tables.categories(round_.pk, detail),
            tables.units(round_.pk, detail, drill),
            tables.leaders(round_.pk, detail),
        ],
    }
    return render(request, "dashboard/round_dashboard.html", context)


@login_required
def dashboard(request):
    rounds = list(policy.rounds_visible_to(request.user).select_related("office"))
    form, params = _params(request)
    on = today()
    view = queries.overview(request.user, rounds, on, params.get("since"), params.get("until"))

    def round_url(pk):
        return reverse("dashboard:round_dashboard", args=[pk])

    context = {
        "form": form,
        "view": view,
        "tiles": tables.tiles(tables.TILES, view.totals, None, "#rounds"),
        "must_be_zero": tables.tiles(tables.MUST_BE_ZERO, view.totals, None, "#rounds"),
        "lasting": tables.tiles(tables.LASTING, view.totals, None, "#rounds"),
        "tables": [
            tables.rounds(view, round_url),
            tables.levels(None, view.levels),
            tables.trend(view.points, view.open_measures),
        ],
    }
    return render(request, "dashboard/dashboard.html", context)
