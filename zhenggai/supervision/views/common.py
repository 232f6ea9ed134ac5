from zhenggai.ledger.models import Problem


def cited_problem(request, round_):
    """The problem a notice or an escalation starts from (?problem=pk), if the user sees it."""
    pk = request.GET.get("problem", "")
    if not pk.isdigit():
        return None
    problems = Problem.objects.visible_to(request.user).filter(round=round_, pk=pk)
    return problems.select_related("category").first()
