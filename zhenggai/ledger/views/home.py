from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zhenggai.ledger import policy
from zhenggai.ledger.home import home_sections
from zhenggai.ledger.queries import today


@login_required
def home(request):
    context = {
        "sections": home_sections(request.user),
        "can_create": policy.can_create_round(request.user)[0],
        "today": today(),
    }
    return render(request, "ledger/home.html", context)
