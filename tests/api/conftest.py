"""Calling the API as the named users of tests/conftest.py, each with a bearer token."""

import pytest
from django.test import Client

from zhenggai.api.models import ApiToken


class ApiClient:
    """A test client that sends a token and speaks JSON."""

    def __init__(self, raw_token: str | None = None, client: Client | None = None):
        headers = {"authorization": f"Bearer {raw_token}"} if raw_token else {}
        self.client = client or Client(headers=headers)

    def get(self, path, **params):
        return self.client.get(path, params)

    def post(self, path, data=None):
        return self.client.post(path, data or {}, content_type="application/json")

    def patch(self, path, data):
        return self.client.patch(path, data, content_type="application/json")


@pytest.fixture
def api_as(db):
    def as_user(user) -> ApiClient:
        _, raw = ApiToken.objects.issue(user, "测试")
        return ApiClient(raw)

    return as_user


@pytest.fixture
def anonymous(db):
    return ApiClient()


@pytest.fixture
def measures(demo_round):
    """The demo round's measures by lead unit; "shared" is the court's with police help."""
    problems = demo_round["problems"]
    return {key: problem.measures.get(number=1) for key, problem in problems.items()} | {
        "shared": demo_round["shared"]
    }
