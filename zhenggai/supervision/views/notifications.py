"""A person's notifications: reminders, notices, replies and escalations addressed to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhenggai.supervision import policy, services
from zhenggai.supervision.models import Notification

PAGE_SIZE = 50


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(recipient=request.user)
    if request.GET.get("unread"):
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    unread_only = bool(request.GET.get("unread"))
    return render(
        request, "supervision/notifications.html", {"page": page, "unread_only": unread_only}
    )


@login_required
def notification_open(request, pk):
    """Opening a notification marks it read and goes where it points."""
    notification = policy.get_notification_for(request.user, pk)
    services.mark_read(request.user, notification)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("supervision:notification_list")


@login_required
@require_POST
def notification_read_all(request):
    count = services.mark_all_read(request.user)
    messages.success(request, f"已将 {count} 条通知标为已读。")
    return redirect("supervision:notification_list")
