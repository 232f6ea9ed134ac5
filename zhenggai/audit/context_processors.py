from zhenggai.audit import policy


def audit_link(request):
    """Whether the menu shows 审计日志: asked only when a page's menu is drawn."""
    user = getattr(request, "user", None)
    return {"may_read_audit": lambda: user is not None and policy.can_read(user)[0]}
