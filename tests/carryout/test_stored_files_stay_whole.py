"""A stored file is served only while its digest is the one recorded at upload: a file
changed on disk is refused in Chinese (a page, or JSON on the API), and the refusal is
recorded in the audit trail and logged, with who asked and both digests. Files, folders
and the database are their owner's alone (0600 / 0700)."""

import logging
import os
import stat
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.carryout.conftest import report
from tests.carryout.samples import PDF, upload
from tests.mechanisms.test_mechanism_services import register
from zhenggai.api.models import ApiToken
from zhenggai.audit.models import AuditEntry, Kind

ALTERED = (
    "“方案.pdf”在服务器上已被改动，与上传时的内容不一致，为防止传播被篡改的文件，"
    "已停止下载。此事已记录，请联系系统管理员从备份中恢复。"
)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def alter(field_file) -> None:
    with open(field_file.path, "r+b") as handle:
        handle.seek(-5, os.SEEK_END)
        handle.write(b"EVIL\n")


@pytest.fixture
def evidence(measures, court_reporter):
    saved = report(court_reporter, measures["court"], files=[upload("方案.pdf", PDF)])
    return saved.evidence.get()


def test_an_evidence_file_as_uploaded_is_served(client, court_reporter, evidence):
    client.force_login(court_reporter)

    response = client.get(reverse("carryout:evidence_download", args=[evidence.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_an_evidence_file_changed_on_disk_is_refused_and_logged(
    client, court_reporter, evidence, caplog
):
    alter(evidence.file)
    client.force_login(court_reporter)

    with caplog.at_level(logging.ERROR, logger="zhenggai.files"):
        response = client.get(reverse("carryout:evidence_download", args=[evidence.pk]))

    assert response.status_code == 409
    assert ALTERED in response.content.decode()
    (record,) = [r for r in caplog.records if r.name == "zhenggai.files"]
    assert evidence.file.name in record.getMessage()
    assert "用户 court" in record.getMessage() and evidence.sha256 in record.getMessage()
    entry = AuditEntry.objects.get(kind=Kind.DOWNLOAD, object_type="carryout.evidence")
    assert (entry.actor_username, entry.object_id, entry.object_text) == (
        "court",
        str(evidence.pk),
        "方案.pdf",
    )
    assert entry.after["拒绝下载"] == "文件已被改动"
    assert entry.after["登记摘要"] == evidence.sha256 != entry.after["实际摘要"]


def test_the_api_refuses_an_altered_file_in_json(client, court_reporter, evidence):
    alter(evidence.file)
    _, token = ApiToken.objects.issue(court_reporter, "下载")

    response = client.get(
        f"/api/evidence/{evidence.pk}", headers={"authorization": f"Bearer {token}"}
    )

    assert response.status_code == 409
    assert response.json() == {"detail": ALTERED}


def test_a_mechanism_file_changed_on_disk_is_refused(client, office_clerk, demo_round, units):
    mechanism = register(
        office_clerk, demo_round, units, [demo_round["problems"]["court"]], file=upload("方案.pdf")
    )
    url = reverse("mechanisms:mechanism_file", args=[mechanism.pk])
    client.force_login(office_clerk)
    assert client.get(url).status_code == 200

    alter(mechanism.file)

    response = client.get(url)
    assert response.status_code == 409
    assert "在服务器上已被改动" in response.content.decode()


def test_stored_files_and_their_folders_are_the_owners_alone(evidence, media):
    assert mode(evidence.file.path) == 0o600
    folder = os.path.dirname(evidence.file.path)
    while folder != str(media):
        assert mode(folder) == 0o700, folder
        folder = os.path.dirname(folder)


def test_the_data_directory_and_the_sqlite_database_are_the_owners_alone(tmp_path):
    data = tmp_path / "data"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("ZHENGGAI_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env["ZHENGGAI_DATA_DIR"] = str(data)
    command = [os.path.join(os.path.dirname(sys.executable), "zhenggai"), "migrate", "-v", "0"]
    subprocess.run(command, env=env, check=True, timeout=600)

    assert mode(data) == 0o700
    assert mode(data / "tmp") == 0o700
    assert mode(data / "zhenggai.sqlite3") == 0o600
    assert mode(data / "secret_key") == 0o600
