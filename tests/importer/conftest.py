"""The office that imports, the round it imports into, and uploads as the web page sends them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.importer.documents import plan_text


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


@pytest.fixture
def round_(demo_round):
    return demo_round["round"]


@pytest.fixture
def upload(round_):
    """Posts a file to the round's upload page as the given client."""

    def post(client, content: bytes = None, name: str = "整改方案.txt", **fields):
        file = SimpleUploadedFile(name, plan_text() if content is None else content)
        url = reverse("importer:upload", args=[round_.pk])
        return client.post(url, {"file": file, **fields}, **_htmx(fields))

    return post


def _htmx(fields: dict) -> dict:
    return {"HTTP_HX_REQUEST": "true"} if fields.pop("htmx", False) else {}


@pytest.fixture
def draft(office_clerk, round_):
    """A draft batch of the plan, uploaded by the office."""
    from zhenggai.importer import services

    return services.upload(office_clerk, round_, "整改方案.txt", plan_text())
