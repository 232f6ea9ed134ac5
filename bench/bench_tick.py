"""Times `zhenggai tick`, the daily work, on the generated province-scale data: for each of
several days in a row, the first run of the day (lights recomputed, reminders sent) and a
second run the same day (lights only: every reminder is already sent), each as its own
process, as cron or the scheduler would start it. The database is the one the environment
names, as for http_bench.py.

    .venv/bin/python bench/bench_tick.py [--days 5]

The days are ticked as if they had come (`--today`), from the day after the latest day
ticked so far (today or later), so that each first run finds its reminders still to send,
however often this runs; a last run for today puts the lights back as they are today.
Target: under 60 s for a run."""

import argparse
import datetime
import re
import subprocess
import sys
import time
from pathlib import Path

from bench_dashboard import setup_django
from http_bench import percentile

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 60
# What the command prints: 亮灯 N 项 … 变化 N … 催办 N 人次 … 用时 N 秒
SUMMARY = re.compile(r"亮灯 (\d+) 项.*变化 (\d+)\），催办 (\d+) 人次.*用时 ([\d.]+) 秒")


def tick(day: datetime.date) -> dict:
    command = [str(ROOT / ".venv" / "bin" / "zhenggai"), "tick", "--today", day.isoformat()]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.monotonic() - started
    found = SUMMARY.search(done.stdout)
    if not found:
        sys.exit(f"unexpected output of zhenggai tick: {done.stdout}{done.stderr}")
    measures, changed, reminders, own = found.groups()
    return {
        "day": day,
        "wall": wall,
        "own": float(own),
        "measures": int(measures),
        "changed": int(changed),
        "reminders": int(reminders),
    }


def first_day(today: datetime.date) -> datetime.date:
    from django.db.models import Max

    from zhenggai.supervision.models import TickRun

    latest = TickRun.objects.aggregate(day=Max("day"))["day"]
    return max(today, latest or today) + datetime.timedelta(days=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=5, help="days in a row, from today")
    args = parser.parse_args()
    if not 1 <= args.days <= 60:
        parser.error("--days 1…60")

    setup_django()
    from django.utils import timezone

    # The installation's day, as the command counts it: from 16:00 UTC Shanghai is already on
    # the next day, and the last run must put back today's lights, not yesterday's.
    today = timezone.localdate()
    first = first_day(today)
    runs = []
    for n in range(args.days):
        day = first + datetime.timedelta(days=n)
        runs += [tick(day) | {"run": "first"}, tick(day) | {"run": "second"}]
    tick(today)

    print("| day | run | measures | lights changed | reminders | wall s | command's own s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in runs:
        print(
            f"| {r['day']} | {r['run']} | {r['measures']} | {r['changed']} | {r['reminders']} "
            f"| {r['wall']:.1f} | {r['own']:.1f} |"
        )
    walls = [r["wall"] for r in runs]
    print(
        f"\nwall p50 {percentile(walls, 50):.1f} s, p95 {percentile(walls, 95):.1f} s, "
        f"max {max(walls):.1f} s; target under {TARGET_S} s"
    )
    return 0 if max(walls) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
