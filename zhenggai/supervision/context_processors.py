from django.utils.functional import SimpleLazyObject

from zhenggai.supervision.models import Notification


def unread_notifications(request) -> dict:
    """The unread count in the top bar: one indexed count, and only on pages that show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = SimpleLazyObject(
        lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    )
    return {"unread_notifications": count}
