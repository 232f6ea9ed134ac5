"""An address that only takes a form's POST, opened by GET, explains itself in Chinese."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_post_only_page_opened_by_get_explains_in_chinese(client, court_reporter):
    client.force_login(court_reporter)
    response = client.get(reverse("supervision:notification_read_all"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "不能在浏览器地址栏中直接打开" in response.content.decode()


def test_the_api_keeps_its_own_answer(client, office_clerk):
    client.force_login(office_clerk)
    response = client.delete("/api/rounds")
    assert response.status_code == 405
    assert "不能在浏览器地址栏中直接打开" not in response.content.decode()
