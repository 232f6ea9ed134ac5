"""The ledger's 牵头单位层级 filter offers only the levels the round's tree has."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_tree_of_three_levels_offers_three(client, office_clerk, demo_round):
    client.force_login(office_clerk)
    page = client.get(reverse("ledger:ledger", args=[demo_round["round"].pk])).content.decode()
    select = page[page.index('name="level"') : page.index("</select>", page.index('name="level"'))]
    offered = re.findall(r">(第\d级[^<]*)<", select)
    assert offered == ["第1级（本级）", "第2级", "第3级"]
