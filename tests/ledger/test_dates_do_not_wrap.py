"""A deadline in a list is one unbreakable date (app.css keeps <time> on one line), never
2026-12-/04 in a narrow column."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_deadline_in_the_task_list_is_kept_on_one_line(client, office_clerk, demo_round):
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk]) + "?view=measures"
    page = client.get(url).content.decode()
    assert '<time datetime="2024-03-31">2024-03-31</time>' in page
    css = Path(finders.find("zhenggai/app.css")).read_text(encoding="utf-8")
    assert ".nowrap, .code, time { white-space: nowrap; }" in css
