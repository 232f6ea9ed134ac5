"""A unit filter that holds all a user sees (a court's reporter filtering by its court) keeps
every row, and is left out of the query: the list is the unfiltered one. Any other unit
still narrows the list to what its tree answers for."""

import re

from django.urls import reverse

from zhenggai.ledger import policy

CODES = re.compile(r'<td class="code"><a href="[^"]+">([\d.-]+)</a>')


def _codes(client, round_, **params) -> list[str]:
    url = reverse("ledger:ledger", args=[round_.pk])
    return CODES.findall(client.get(url, {"view": "measures", **params}).content.decode())


def test_the_reporter_s_own_unit_keeps_its_list(client, court_reporter, demo_round, units):
    client.force_login(court_reporter)
    whole = _codes(client, demo_round["round"])
    assert whole == ["1-1.1", "1-1.2", "1-2.1"]  # the court's, its tribunal's
    assert _codes(client, demo_round["round"], unit=units["court"].pk) == whole


def test_another_unit_narrows_the_list_to_what_its_tree_answers_for(
    client, court_reporter, office_clerk, demo_round, units
):
    client.force_login(court_reporter)
    assert _codes(client, demo_round["round"], unit=units["tribunal"].pk) == ["1-2.1"]
    client.force_login(office_clerk)
    # The police's station cooperates on the court's second measure.
    assert _codes(client, demo_round["round"], unit=units["police"].pk) == ["1-1.2", "1-3.1"]


def test_only_a_reporter_s_own_tree_or_one_above_holds_its_scope(
    court_reporter, office_clerk, leader, demo_round, units
):
    round_ = demo_round["round"]
    held = {key for key in units if policy.answers_within(court_reporter, round_, units[key])}
    assert held == {"committee", "court"}
    # The office sees the round whole, a leader the problems it leads as well.
    assert not policy.answers_within(office_clerk, round_, units["committee"])
    assert not policy.answers_within(leader, round_, units["committee"])
