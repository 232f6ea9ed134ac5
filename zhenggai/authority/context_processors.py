from zhenggai.authority.roles import actor_of, is_system_administrator


def menu(request) -> dict:
    """What the top menu offers besides the home page and 修改密码: the round pages (巡视轮次,
    看板, 本单位, 督办单, 通知) to a login holding a role, which is all they show; 系统管理 to
    the administrator. Asked only when a page's menu is drawn, from the roles the request has
    read once (actor_of)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "holds_roles": lambda: bool(actor_of(user).grants),
        "administers": lambda: is_system_administrator(user),
    }
