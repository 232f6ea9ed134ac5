from django.urls import path

from zhenggai.supervision.views import escalations, notices, notifications, reminders

app_name = "supervision"
urlpatterns = [
    path("notices/", notices.notice_list, name="all_notices"),
    path("rounds/<int:round_pk>/notices/", notices.notice_list, name="notice_list"),
    path("rounds/<int:round_pk>/notices/new/", notices.notice_create, name="notice_create"),
    path("notices/<int:pk>/", notices.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/reply/", notices.notice_reply, name="notice_reply"),
    path("notices/<int:pk>/close/", notices.notice_close, name="notice_close"),
    path("notices/<int:pk>/return/", notices.notice_return, name="notice_return"),
    path(
        "rounds/<int:round_pk>/escalations/new/",
        escalations.escalation_create,
        name="escalation_create",
    ),
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("notifications/<int:pk>/", notifications.notification_open, name="notification_open"),
    path("notifications/read/", notifications.notification_read_all, name="notification_read_all"),
    path("measures/<int:pk>/remind/", reminders.measure_remind, name="measure_remind"),
]
