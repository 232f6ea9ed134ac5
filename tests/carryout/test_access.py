"""Every role against the carry-out pages of its own, a sub-unit's and another unit's
measures: 200 where the policy lets them, 403 for a refused action, 404 outside their scope."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import report

ROLES = ["office_clerk", "court_reporter", "tribunal_reporter", "police_reporter", "outsider"]

# (url name, measure) → expected status per role, in ROLES order. Measures are reported
# done first, so that verification is possible.
MATRIX = {
    ("report_create", "court"): [200, 200, 404, 404, 404],
    ("report_create", "tribunal"): [200, 200, 200, 404, 404],
    ("report_create", "shared"): [200, 200, 404, 403, 404],
    ("report_list", "court"): [200, 200, 404, 404, 404],
    ("report_list", "shared"): [200, 200, 404, 200, 404],
    ("measure_verify", "court"): [200, 403, 404, 404, 404],
    ("measure_verify", "tribunal"): [200, 403, 403, 404, 404],
    ("measure_reopen", "court"): [403, 403, 404, 404, 404],
}


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("key", list(MATRIX))
def test_access(client, request, measures, court_reporter, role_index, role, key):
    name, which = key
    report(court_reporter, measures[which], status="done_pending")
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(f"carryout:{name}", args=[measures[which].pk]))
    assert response.status_code == MATRIX[key][role_index]


def test_a_police_reporter_cannot_post_a_report_on_a_court_measure(
    client, measures, police_reporter
):
    client.force_login(police_reporter)
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    response = client.post(url, {"as_of": "2023-10-20", "status": "in_progress", "text": "x"})
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, measures):
    response = client.get(reverse("carryout:report_create", args=[measures["court"].pk]))
    assert response.status_code == 302 and response["Location"].startswith("/login/")
