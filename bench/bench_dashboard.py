"""Times the dashboards over HTTP at province scale: the biggest generated round's dashboard
and the dashboard across all rounds, as the province office (bench_office), a county bureau
(bench_unit) and a leader (bench_leader), on the database the environment names (as
http_bench.py).

The data set is that of `zhenggai gen`, with its progress reports (500,000 at 1×; the
dashboard never reads them, but they share the database with what it reads), verifications,
rebounds and mechanisms.

    .venv/bin/python bench/bench_dashboard.py [--requests 100]

Only the standard library talks HTTP (http_bench.Client); gunicorn runs without the daily
scheduler (http_bench.start_server)."""

import argparse
import os
import sys
from pathlib import Path

from http_bench import (
    HOST,
    Page,
    add_timing_arguments,
    exit_status,
    parse_timing_arguments,
    print_table,
    time_pages,
)

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 200


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    import django

    django.setup()


def biggest_round() -> dict:
    from django.db.models import Count

    from zhenggai.ledger.models import InspectionRound
    from zhenggai.ops.generator import ROUND_PREFIX

    rounds = InspectionRound.objects.filter(name__startswith=ROUND_PREFIX)
    big = rounds.annotate(n=Count("measures")).order_by("-n").first()
    if big is None:
        sys.exit("no generated data: run `zhenggai gen` first (see bench/README.md)")
    return {"round": big.pk, "measures": big.n}


def analyze() -> None:
    """Fresh planner statistics, as a running site has them (autovacuum, PRAGMA optimize)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def pages(round_id: int, user: str) -> list[Page]:
    return [
        Page("round dashboard", user, [f"/rounds/{round_id}/dashboard/"]),
        Page("all-rounds dashboard", user, ["/dashboard/"]),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_timing_arguments(parser, port=8766, requests=100, time_limit=1800)
    args = parse_timing_arguments(parser)

    setup_django()
    from django.db import connection

    data = biggest_round()
    analyze()
    vendor = connection.vendor
    connection.close()

    log = Path(f"/tmp/zhenggai-dashboard-bench-{args.port}.log")
    timed = time_pages(args, log, lambda user: pages(data["round"], user))
    print(
        f"database: {vendor}; biggest round: {data['measures']} measures; {args.requests} "
        f"timed requests per page after {args.warmup} warm-up, concurrency {args.concurrency}, "
        f"{args.workers} gunicorn workers on {HOST}; * = p95 over {TARGET_P95_MS} ms"
    )
    print_table(timed, TARGET_P95_MS)
    return exit_status(timed, log)


if __name__ == "__main__":
    sys.exit(main())
