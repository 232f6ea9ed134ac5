"""The task list shows a long measure's first 120 characters, the print layout all of it."""

import re

from django.urls import reverse

from tests.factories import MeasureFactory

LONG = "建立健全专项整治长效机制" * 20  # 240 characters
MAIN = re.compile(r'<td class="main">(建立健全[^<]*)</td>')


def test_a_long_measure_is_shortened_on_screen_and_whole_in_print(client, demo_round, office_clerk):
    MeasureFactory(problem=demo_round["problems"]["police"], text=LONG)
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    screen = client.get(url, {"view": "measures"}).content.decode()
    printed = client.get(url, {"view": "measures", "print": "1"}).content.decode()
    [shown] = MAIN.findall(screen)
    assert len(shown) == 120
    assert shown.startswith(LONG[:110])
    assert MAIN.findall(printed) == [LONG]
