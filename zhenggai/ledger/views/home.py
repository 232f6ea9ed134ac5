from django.contrib.auth.decorators import login_required
from django.shortcuts import render

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
    }
    return render(request, "ledger/home.html", context)
