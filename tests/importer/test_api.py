"""The import over HTTP: upload → draft, read, edit, apply, discard; the same services and
the same rules as the web pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.importer.documents import plan_docx, plan_text
from zhenggai.api.models import ApiToken
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(db):
    def client_for(user) -> Client:
        _, raw = ApiToken.objects.issue(user, "测试")
        return Client(headers={"authorization": f"Bearer {raw}"})

    return client_for


@pytest.fixture
def office_api(as_user, office_clerk):
    return as_user(office_clerk)


def upload(client, round_, content=None, name="整改方案.txt", **fields):
    file = SimpleUploadedFile(name, plan_text() if content is None else content)
    return client.post(f"/api/rounds/{round_.pk}/imports", {"file": file, **fields})


def test_an_upload_answers_with_the_draft_and_writes_nothing(office_api, round_):
    problems = Problem.objects.count()
    response = upload(office_api, round_, plan_docx(), "整改方案.docx")
    body = response.json()
    assert response.status_code == 201
    assert (body["status"], body["status_label"], body["format"]) == ("draft", "待审核", "docx")
    assert [len(c["problems"]) for c in body["draft"]["categories"]] == [2, 1]
    assert body["review_url"] == f"/imports/{body['id']}/"
    assert Problem.objects.count() == problems
    assert (body["genre"], body["genre_label"]) == ("plan", "整改方案")
    assert body["evidence"][0]["code"] == "genre_title"


def test_the_same_file_again_is_a_conflict_unless_asked(office_api, round_):
    upload(office_api, round_)
    response = upload(office_api, round_)
    assert response.status_code == 409
    assert "该文件已于" in response.json()["detail"] and "again=true" in response.json()["detail"]
    assert upload(office_api, round_, again="true").status_code == 201


def test_an_unreadable_file_is_explained(office_api, round_):
    response = upload(
        office_api, round_, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧.doc"
    )
    assert response.status_code == 422
    assert ".docx" in response.json()["errors"]["file"][0]
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_limit_is_too_large(office_api, round_, settings):
    settings.ZHENGGAI_MAX_UPLOAD_BYTES = 100
    response = upload(office_api, round_)
    assert response.status_code == 413
    assert "文件超过" in response.json()["detail"]


def test_the_draft_is_read_edited_and_applied(office_api, round_):
    batch = upload(office_api, round_).json()
    url = f"/api/imports/{batch['id']}"
    assert office_api.get(url).json()["draft"]["title"].startswith("临江市委政法委")
    response = office_api.post(f"{url}/apply")
    assert response.status_code == 422
    assert any("缺少完成时限" in m for m in response.json()["errors"]["__all__"])
    for key in ("m3", "m4"):
        edit = office_api.patch(
            f"{url}/items/{key}", {"deadline": "2024-05-31"}, content_type="application/json"
        )
        assert edit.status_code == 200
        assert edit.json()["missing"] == {}
    office_api.patch(f"{url}/items/p1", {"accepted": False}, content_type="application/json")
    response = office_api.post(f"{url}/apply")
    assert response.status_code == 200
    assert response.json()["created"]["problems"] == 2
    assert office_api.post(f"{url}/apply").status_code == 422


def test_an_edit_with_a_wrong_field_is_refused_in_chinese(office_api, round_):
    batch = upload(office_api, round_).json()
    url = f"/api/imports/{batch['id']}/items/p1"
    response = office_api.patch(url, {"deadline": "2024-05-31"}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"deadline": ["这一项没有此字段。"]}
    response = office_api.patch(url, {"colour": "red"}, content_type="application/json")
    assert response.status_code == 422


def test_a_draft_is_discarded(office_api, round_):
    batch = upload(office_api, round_).json()
    response = office_api.post(f"/api/imports/{batch['id']}/discard")
    assert response.json()["status"] == "discarded"


def test_a_court_reporter_cannot_import_or_read_drafts(as_user, court_reporter, office_api, round_):
    batch = upload(office_api, round_).json()
    court = as_user(court_reporter)
    assert upload(court, round_, again="true").status_code == 403
    assert court.get(f"/api/imports/{batch['id']}").status_code == 403
    assert court.post(f"/api/imports/{batch['id']}/apply").status_code == 403


def test_the_rounds_imports_are_listed(office_api, round_):
    upload(office_api, round_)
    listed = office_api.get(f"/api/rounds/{round_.pk}/imports").json()
    assert [b["file_name"] for b in listed] == ["整改方案.txt"]


def test_without_a_token_nothing_is_answered(client, round_):
    assert client.get(f"/api/rounds/{round_.pk}/imports").status_code == 401


def test_the_import_endpoints_are_documented(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/rounds/{round_id}/imports" in paths
    assert "/api/imports/{batch_id}/items/{key}" in paths
