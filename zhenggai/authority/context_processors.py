from functools import cache

from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger.models import InspectionRound


def menu(request) -> dict:
    """What the top menu offers besides the home page and 修改密码: the round pages (轮次,
    看板, 本单位, 督办单, 通知) to a login holding a role, which is all they show; 系统管理 to
    the administrator. Asked only when a page's menu is drawn, from the roles the request has
    read once (actor_of).

    `rounds_word` names the rounds of the login's organizations, in the menu and on every
    way back to their list: a county whose rounds are all 巡察 does not read 巡视轮次."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"rounds_word": InspectionRound.word_for([])}
    return {
        "holds_roles": lambda: bool(actor_of(user).grants),
        "administers": lambda: is_system_administrator(user),
        "rounds_word": cache(lambda: _rounds_word(user)),
    }


def _rounds_word(user) -> str:
    organizations = sorted(actor_of(user).organization_ids)
    rounds = InspectionRound.objects.filter(office__organization_id__in=organizations)
    return InspectionRound.word_for(rounds.values_list("kind", flat=True).distinct().order_by())
