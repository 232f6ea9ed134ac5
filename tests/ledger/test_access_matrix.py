"""Every role against its own unit's, a sub-unit's and another unit's items, on the key URLs:
200 where the policy lets them, 403 for a refused write, 404 outside their scope."""

import pytest
from django.urls import reverse

ROLES = ["office_clerk", "court_reporter", "tribunal_reporter", "police_reporter", "outsider"]

# (url name, which problem's item) → expected status per role, in ROLES order.
MATRIX = {
    ("problem_detail", "court"): [200, 200, 404, 200, 404],
    ("problem_detail", "tribunal"): [200, 200, 200, 404, 404],
    ("problem_detail", "police"): [200, 404, 404, 200, 404],
    ("problem_edit", "court"): [200, 403, 404, 403, 404],
    ("measure_edit", "court"): [200, 200, 404, 404, 404],
    ("measure_edit", "tribunal"): [200, 200, 200, 404, 404],
    ("measure_edit", "shared"): [200, 200, 404, 403, 404],
    ("unit_detail", "court"): [200, 200, 404, 404, 404],
    ("unit_detail", "tribunal"): [200, 200, 200, 404, 404],
    ("unit_detail", "police"): [200, 404, 404, 200, 404],
    ("round_home", None): [200, 200, 200, 200, 404],
    ("ledger", None): [200, 200, 200, 200, 404],
    ("round_edit", None): [200, 403, 403, 403, 404],
}


def _url(name, which, demo_round, units):
    round_ = demo_round["round"]
    if which is None:
        return reverse(f"ledger:{name}", args=[round_.pk])
    if name == "unit_detail":
        return reverse("ledger:unit_detail", args=[units[which].pk])
    if which == "shared":
        return reverse(f"ledger:{name}", args=[demo_round["shared"].pk])
    problem = demo_round["problems"][which]
    if name.startswith("measure"):
        return reverse(f"ledger:{name}", args=[problem.measures.get(number=1).pk])
    return reverse(f"ledger:{name}", args=[problem.pk])


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("key", list(MATRIX))
def test_access(client, request, demo_round, units, role_index, role, key):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.get(_url(*key, demo_round, units))
    assert response.status_code == MATRIX[key][role_index]


def test_anonymous_visitors_are_sent_to_the_login_page(client, demo_round):
    response = client.get(reverse("ledger:ledger", args=[demo_round["round"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_an_htmx_request_after_the_session_expired_reloads_to_login(client, demo_round):
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/login/")


def test_a_refused_write_says_why_in_chinese(client, demo_round, court_reporter):
    client.force_login(court_reporter)
    response = client.get(reverse("ledger:round_edit", args=[demo_round["round"].pk]))
    assert response.status_code == 403
    assert "只有本轮整改牵头单位的用户可以修改" in response.content.decode()
