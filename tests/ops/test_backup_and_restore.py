"""`zhenggai backup DIR` and `zhenggai restore DIR`: a round trip brings back every evidence
file with the digest recorded at upload and an audit chain that verifies, on SQLite and on
PostgreSQL (a scratch database named after the test database, dropped afterwards); a
restore refuses a damaged backup and a database that holds data, unless forced."""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.carryout.conftest import report
from tests.carryout.samples import PDF, PNG, upload
from zhenggai.audit import trail
from zhenggai.audit.models import Kind

pytestmark = pytest.mark.django_db(transaction=True)
ZHENGGAI = os.path.join(os.path.dirname(sys.executable), "zhenggai")


def zhenggai(*args: str, **env: str) -> subprocess.CompletedProcess:
    """The command as an administrator runs it: its own environment, nothing of the test's."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("ZHENGGAI_") and key != "DJANGO_SETTINGS_MODULE"
    }
    command = [ZHENGGAI, *args]
    return subprocess.run(command, env=clean | env, capture_output=True, text=True, timeout=600)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up(demo_round, court_reporter, tmp_path):
    """A report with two evidence files, backed up; the folder."""
    files = [upload("整改方案.pdf", PDF), upload("现场照片.png", PNG)]
    report(court_reporter, demo_round["problems"]["court"].measures.get(number=1), files=files)
    # An entry of the audit trail at least, whatever else records itself there.
    trail.append(Kind.EXPORT, object_text="备份前的导出", user=court_reporter)
    folder = tmp_path / "backup"
    call_command("backup", str(folder))
    return folder


def assert_files_match(rows: list[tuple[str, str]], media: Path) -> None:
    assert len(rows) == 2
    for name, digest in rows:
        assert sha256(media / name) == digest, name


def test_the_backup_lists_every_file_with_its_digest(backed_up):
    manifest = json.loads((backed_up / "manifest.json").read_text())

    assert manifest["engine"] == connection.vendor
    media = [name for name in manifest["files"] if name.startswith("media/evidence/")]
    assert len(media) == 2
    for name, digest in manifest["files"].items():
        assert sha256(backed_up / name) == digest
    assert os.stat(backed_up).st_mode & 0o777 == 0o700


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip")
def test_a_sqlite_round_trip_brings_back_every_file_and_the_audit_chain(backed_up, tmp_path):
    data = tmp_path / "restored"
    restored = zhenggai("restore", str(backed_up), ZHENGGAI_DATA_DIR=str(data))
    assert restored.returncode == 0, restored.stderr
    assert "摘要全部与备份清单一致" in restored.stdout

    with sqlite3.connect(data / "zhenggai.sqlite3") as database:
        rows = database.execute("SELECT file, sha256 FROM carryout_evidence").fetchall()
    assert_files_match(rows, data / "media")
    verified = zhenggai("audit", "verify", ZHENGGAI_DATA_DIR=str(data))
    assert verified.returncode == 0, verified.stderr
    assert "审计日志完整" in verified.stdout

    again = zhenggai("restore", str(backed_up), ZHENGGAI_DATA_DIR=str(data))
    assert again.returncode != 0
    assert "当前数据库中已有数据，未恢复。确需覆盖时请加 --force。" in again.stderr
    forced = zhenggai("restore", str(backed_up), "--force", ZHENGGAI_DATA_DIR=str(data))
    assert forced.returncode == 0, forced.stderr


@pytest.mark.skipif(connection.vendor != "sqlite", reason="one engine is enough")
def test_a_backup_of_an_older_version_comes_back_migrated(backed_up, tmp_path):
    """The older version made here: the backed-up database with the audit trail's migrations
    after its first undone, backed up again."""
    older, data = tmp_path / "older", tmp_path / "restored"
    older.mkdir()
    shutil.copyfile(backed_up / "database.sqlite3", older / "zhenggai.sqlite3")
    for step in (["migrate", "audit", "0001"], ["backup", str(tmp_path / "older-backup")]):
        done = zhenggai(*step, ZHENGGAI_DATA_DIR=str(older))
        assert done.returncode == 0, done.stderr

    restored = zhenggai("restore", str(tmp_path / "older-backup"), ZHENGGAI_DATA_DIR=str(data))

    assert restored.returncode == 0, restored.stderr
    assert re.search(r"已执行 \d+ 项数据库迁移。", restored.stdout)
    with sqlite3.connect(data / "zhenggai.sqlite3") as database:
        triggers = database.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert {name for (name,) in triggers} >= {"audit_entry_no_update", "audit_entry_no_delete"}
    database.close()


@pytest.fixture
def scratch_database():
    """A database URL for a scratch database named after the test database; dropped after."""
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restore"
    admin = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
    }
    with psycopg.connect(**admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
    user = quote(settings["USER"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    yield f"postgres://{user}{password}@{host}/{name}", admin | {"dbname": name}
    with psycopg.connect(**admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL round trip")
def test_a_postgresql_round_trip_brings_back_every_file_and_the_audit_chain(
    backed_up, tmp_path, scratch_database
):
    url, params = scratch_database
    data = tmp_path / "restored"
    env = {"ZHENGGAI_DATABASE_URL": url, "ZHENGGAI_DATA_DIR": str(data)}

    restored = zhenggai("restore", str(backed_up), **env)
    assert restored.returncode == 0, restored.stderr

    with psycopg.connect(**params) as database:
        rows = database.execute("SELECT file, sha256 FROM carryout_evidence").fetchall()
    assert_files_match(rows, data / "media")
    verified = zhenggai("audit", "verify", **env)
    assert verified.returncode == 0, verified.stderr
    again = zhenggai("restore", str(backed_up), **env)
    assert "当前数据库中已有数据" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_touched(backed_up, tmp_path):
    manifest = json.loads((backed_up / "manifest.json").read_text())
    damaged = next(name for name in manifest["files"] if name.endswith(".png"))
    (backed_up / damaged).write_bytes(PNG + b"<script>")
    data = tmp_path / "restored"

    refused = zhenggai("restore", str(backed_up), ZHENGGAI_DATA_DIR=str(data))

    assert refused.returncode != 0
    assert f"备份已损坏：{damaged} 的内容与清单中的摘要不符，未恢复。" in refused.stderr
    assert not (data / "media").exists()


def test_a_backup_goes_into_a_new_folder_only(backed_up):
    refused = zhenggai("backup", str(backed_up))

    assert refused.returncode != 0
    assert f"备份目录 {backed_up} 不是空的" in refused.stderr
