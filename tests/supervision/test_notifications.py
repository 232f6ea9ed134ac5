"""A person's notifications: listed, opened (marked read), all marked read; nobody else's."""

from django.urls import reverse
from django.utils import timezone

from zhenggai.supervision.models import Notification


def note(user, title="督办单：督办〔2026〕1号", link="/notices/1/"):
    return Notification.objects.create(recipient=user, title=title, link=link)


def test_the_top_bar_shows_the_unread_count(client, court_reporter):
    note(court_reporter)
    note(court_reporter)
    Notification.objects.create(recipient=court_reporter, title="旧", read_at=timezone.now())
    client.force_login(court_reporter)
    page = client.get(reverse("supervision:notification_list")).content.decode()
    assert 'aria-label="2 条未读"' in page


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, court_reporter):
    notification = note(court_reporter)
    client.force_login(court_reporter)
    response = client.get(reverse("supervision:notification_open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/notices/1/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_link_to_another_site_is_not_followed(client, court_reporter):
    notification = note(court_reporter, link="https://evil.example/")
    client.force_login(court_reporter)
    response = client.get(reverse("supervision:notification_open", args=[notification.pk]))
    assert response["Location"] == reverse("supervision:notification_list")


def test_someone_elses_notification_is_not_found(client, court_reporter, police_reporter):
    notification = note(police_reporter)
    client.force_login(court_reporter)
    response = client.get(reverse("supervision:notification_open", args=[notification.pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_all_can_be_marked_read_at_once(client, court_reporter, police_reporter):
    note(court_reporter)
    note(court_reporter)
    theirs = note(police_reporter)
    client.force_login(court_reporter)
    response = client.post(reverse("supervision:notification_read_all"), follow=True)
    assert "已将 2 条通知标为已读" in response.content.decode()
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_unread_filter_lists_only_unread(client, court_reporter):
    note(court_reporter, title="未读的")
    Notification.objects.create(recipient=court_reporter, title="读过的", read_at=timezone.now())
    client.force_login(court_reporter)
    page = client.get(reverse("supervision:notification_list"), {"unread": "1"}).content.decode()
    assert "未读的" in page and "读过的" not in page
