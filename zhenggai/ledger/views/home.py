from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger import policy
from zhenggai.ledger.home import home_sections
from zhenggai.ledger.queries import today

# An observer, or anyone with nothing waiting, is led to the rounds it may read.
ROUNDS_SHOWN = 10


@login_required
def home(request):
    sections = home_sections(request.user)
    context = {
        "sections": sections,
        "readable": [] if sections else policy.rounds_visible_to(request.user)[:ROUNDS_SHOWN],
        "can_create": policy.can_create_round(request.user)[0],
        "today": today(),
        # An administrator without roles has no rectification work: the page says where its
        # own work is instead of being empty.
        "administers": is_system_administrator(request.user),
        "holds_roles": bool(actor_of(request.user).grants),
    }
    return render(request, "ledger/home.html", context)
