"""Fifty reports on one measure arrive at the same moment, each from its own thread with its
own database connection: every one lands, with its file, in one order that the reports,
their events and the measure agree on. SQLite serializes the writers with its IMMEDIATE
transactions, PostgreSQL with the row locks the services take."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.carryout.race import EXPECTED, WRITERS, outcome, submit_at_once

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def test_fifty_simultaneous_reports_all_land_in_one_order(
    fifty_connections, measures, court_reporter, media
):
    failures = submit_at_once(measures["court"].pk, court_reporter.username)

    assert failures == []
    assert outcome(measures["court"].pk) == EXPECTED
    assert len(list(media.rglob("*.png"))) == WRITERS


@pytest.mark.skipif(connection.vendor != "sqlite", reason="zhenggai's own SQLite set-up")
def test_they_also_land_on_a_file_database_in_wal_mode(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ZHENGGAI_DATABASE_URL"}
    env.update(ZHENGGAI_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="zhenggai.settings")
    run = subprocess.run(
        [sys.executable, "-m", "tests.carryout.race_on_a_file_database"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])

    assert (result.pop("journal_mode"), result.pop("failures")) == ("wal", [])
    assert result == EXPECTED
    assert len(list((tmp_path / "media").rglob("*.png"))) == WRITERS
