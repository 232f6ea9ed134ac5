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


def _drill(request):
    """The link that shows a unit's units below it, keeping the page's other parameters."""
    query = request.GET.copy()

    def drill(unit_pk):
        query["unit"] = unit_pk
        return f"?{query.urlencode()}#units"

    return drill


@login_required
def round_dashboard(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    form, params = _params(request)
    on = today()
    view, detail = queries.round_figures(request.user, round_, on, **params)
    drill = _drill(request)
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
        "trail": [(unit, drill(unit.pk)) for unit in detail.units.trail],
        "tables": [
            tables.levels(round_.pk, view.levels),
            tables.trend(view.points, view.open_measures, round_.pk),
            tables.categories(round_.pk, detail),
            tables.units(round_.pk, detail.units, drill),
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
    tree = queries.all_rounds_unit_tree(view, params.get("unit"))
    drill = _drill(request)

    def round_url(pk):
        return reverse("dashboard:round_dashboard", args=[pk])

    context = {
        "form": form,
        "view": view,
        "tiles": tables.tiles(tables.TILES, view.totals, None, "#rounds"),
        "must_be_zero": tables.tiles(tables.MUST_BE_ZERO, view.totals, None, "#rounds"),
        "lasting": tables.tiles(tables.LASTING, view.totals, None, "#rounds"),
        "trail": [(unit, drill(unit.pk)) for unit in tree.trail],
        "tables": [
            tables.rounds(view, round_url),
            tables.levels(None, view.levels),
            tables.units(None, tree, drill),
            tables.trend(view.points, view.open_measures),
        ],
    }
    return render(request, "dashboard/dashboard.html", context)
