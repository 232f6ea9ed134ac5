"""The built-in daily scheduler: a thread in the gunicorn master (started by
zhenggai.supervision.gunicorn_hooks when `zhenggai serve` runs) that starts `zhenggai tick` in
a child process once at start-up and then once a day at ZHENGGAI_TICK_HOUR.

The tick runs as its own process so that the master, which forks the web workers, never
holds a database connection or the tick's memory. Two schedulers on two servers, or a cron
job besides, are harmless: the tick is started with --skip-if-done and is idempotent anyway.
Turn it off with ZHENGGAI_SCHEDULER=false (docs/scheduling.md)."""

import datetime
import logging
import subprocess
import sys
import threading
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

POLL_SECONDS = 300
RETRY_AFTER = datetime.timedelta(hours=1)
# A tick that takes longer than this is stuck; the next one may start.
TIMEOUT_SECONDS = 3 * 3600
TICK = [sys.executable, "-m", "zhenggai.cli", "tick", "--skip-if-done"]


def tick_due(
    now: datetime.datetime,
    hour: int,
    last_day: datetime.date | None,
    failed_at: datetime.datetime | None = None,
) -> bool:
    """Whether to start the tick now. last_day is the day this scheduler last ran it
    successfully, None right after start-up (when it runs at once: the tick itself skips a day
    already done); failed_at the time of the last failure, retried after RETRY_AFTER."""
    if failed_at is not None and now - failed_at < RETRY_AFTER:
        return False
    if last_day is None:
        return True
    return now.date() > last_day and now.hour >= hour


class Scheduler(threading.Thread):
    def __init__(self, hour: int, time_zone: str):
        super().__init__(name="zhenggai-tick", daemon=True)
        self.hour = hour
        self.zone = ZoneInfo(time_zone)
        self.stopping = threading.Event()
        self.last_day: datetime.date | None = None
        self.failed_at: datetime.datetime | None = None

    def run(self) -> None:
        while True:
            now = datetime.datetime.now(self.zone)
            if tick_due(now, self.hour, self.last_day, self.failed_at):
                self.tick(now)
            if self.stopping.wait(POLL_SECONDS):
                return

    def tick(self, now: datetime.datetime) -> None:
        try:
            code = subprocess.run(TICK, timeout=TIMEOUT_SECONDS, check=False).returncode
        except (OSError, subprocess.TimeoutExpired):
            logger.exception("每日任务未能完成")
            code = -1
        if code == 0:
            self.last_day, self.failed_at = now.date(), None
        else:
            logger.error("每日任务失败（退出码 %s），%s 后重试", code, RETRY_AFTER)
            self.failed_at = now

    def stop(self) -> None:
        self.stopping.set()
