"""The built-in scheduler's decision, as a pure function, and how `zhenggai serve` starts it."""

import datetime
import logging
import os
import subprocess
import sys

import pytest

from zhenggai.supervision import gunicorn_hooks, scheduler
from zhenggai.supervision.scheduler import RETRY_AFTER, tick_due

DAY = datetime.date(2026, 3, 2)


def at(hour, minute=0, day=DAY):
    return datetime.datetime(day.year, day.month, day.day, hour, minute)


def test_it_runs_at_start_up_whatever_the_hour():
    assert tick_due(at(14), hour=2, last_day=None)


def test_it_does_not_run_again_the_same_day():
    assert not tick_due(at(23, 59), hour=2, last_day=DAY)


def test_the_next_day_it_waits_for_the_hour():
    tomorrow = DAY + datetime.timedelta(days=1)
    assert not tick_due(at(1, 59, tomorrow), hour=2, last_day=DAY)
    assert tick_due(at(2, 0, tomorrow), hour=2, last_day=DAY)


def test_after_days_without_a_run_it_runs_as_soon_as_the_hour_has_passed():
    assert tick_due(at(9), hour=2, last_day=DAY - datetime.timedelta(days=3))


def test_a_failure_is_retried_only_after_a_while():
    failed = at(2)
    assert not tick_due(failed + RETRY_AFTER / 2, hour=2, last_day=None, failed_at=failed)
    assert tick_due(failed + RETRY_AFTER, hour=2, last_day=None, failed_at=failed)


def test_a_successful_run_is_remembered_and_a_failed_one_is_retried(monkeypatch):
    results = iter([1, 0])
    monkeypatch.setattr(
        scheduler.subprocess,
        "run",
        lambda argv, **kw: type("Done", (), {"returncode": next(results)})(),
    )
    job = scheduler.Scheduler(hour=2, time_zone="Asia/Shanghai")
    job.tick(at(3))
    assert (job.last_day, job.failed_at) == (None, at(3))
    job.tick(at(4))
    assert (job.last_day, job.failed_at) == (DAY, None)


def test_the_tick_it_starts_skips_a_day_already_done():
    assert scheduler.TICK[-3:] == ["zhenggai.cli", "tick", "--skip-if-done"]


@pytest.mark.parametrize("hour", ["24", "-1", "two"])
def test_a_bad_tick_hour_stops_zhenggai_from_starting(tmp_path, hour):
    env = {**os.environ, "ZHENGGAI_DATA_DIR": str(tmp_path), "ZHENGGAI_TICK_HOUR": hour}
    done = subprocess.run(
        [sys.executable, "-c", "import zhenggai.settings"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0 and "ZHENGGAI_TICK_HOUR" in done.stderr


class FakeArbiter:
    log = logging.getLogger("gunicorn.test")


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler.Scheduler, "start", lambda self: calls.append(self))
    monkeypatch.setattr(gunicorn_hooks, "_scheduler", None)
    return calls


def test_the_master_starts_one_scheduler_at_the_configured_hour(settings, started):
    settings.ZHENGGAI_SCHEDULER, settings.ZHENGGAI_TICK_HOUR = True, 5
    gunicorn_hooks.when_ready(FakeArbiter())
    gunicorn_hooks.when_ready(FakeArbiter())
    [job] = started
    assert job.hour == 5 and job.daemon


def test_the_scheduler_can_be_switched_off(settings, started):
    settings.ZHENGGAI_SCHEDULER = False
    gunicorn_hooks.when_ready(FakeArbiter())
    assert started == []
