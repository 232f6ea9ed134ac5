"""Times the dashboards over HTTP at province scale: the biggest generated round's dashboard
and the dashboard across all rounds, as the province office (bench_office) and as a county
bureau (bench_unit), on the database the environment names (as http_bench.py).

The data set is that of `zhenggai gen`. What the generator does not make yet is added here,
once, so the tables are as full as a province's: progress reports (5 per measure, 500,000 at
1×; the dashboard never reads them, but they share the database with what it reads),
a verification for each closed measure (one in twenty on a briefing alone), a reopening as a
rebound for one closed measure in a hundred, and a mechanism for half of the closed problems.

    .venv/bin/python bench/bench_dashboard.py [--requests 100] [--reports 500000]

Only the standard library talks HTTP (http_bench.Client); gunicorn runs without the daily
scheduler so that no tick competes with the timed requests."""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

from http_bench import HOST, Client, Page, percentile, run_page, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 200
BATCH = 5000


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    import django

    django.setup()


def complete_data(reports: int, rng: random.Random) -> dict:
    """Add what the generator leaves out, unless an earlier run did."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import Count

    from zhenggai.carryout.models import ProgressReport, Verification
    from zhenggai.ledger.models import InspectionRound, Measure, Problem
    from zhenggai.ops.generator import ROUND_PREFIX

    rounds = InspectionRound.objects.filter(name__startswith=ROUND_PREFIX)
    measures = Measure.objects.filter(round__in=rounds)
    office = get_user_model().objects.get(username="bench_office")
    added = {"reports": 0, "verifications": 0, "reopenings": 0, "mechanisms": 0}
    with transaction.atomic():
        missing = reports - ProgressReport.objects.filter(measure__in=measures).count()
        if missing > 0:
            added["reports"] = _add_reports(measures, missing, office, rng)
        closed = measures.filter(status__in=["closed", "ongoing"])
        if not Verification.objects.filter(measure__in=closed).exists():
            added["verifications"] = _add_verifications(closed, office, rng)
            added["reopenings"] = _add_rebounds(closed, office, rng)
            closed_problems = Problem.objects.filter(round__in=rounds, status="closed")
            added["mechanisms"] = _add_mechanisms(closed_problems, office, rng)
    big = rounds.annotate(n=Count("measures")).order_by("-n").first()
    return {"round": big.pk, "measures": big.n, "added": added}


def _add_reports(measures, missing: int, user, rng) -> int:
    from zhenggai.carryout.models import ProgressReport

    ids = list(measures.values_list("pk", "last_reported_on"))
    today = datetime.date.today()
    made = 0
    while made < missing:
        batch = []
        for _ in range(min(BATCH, missing - made)):
            pk, last = rng.choice(ids)
            day = (last or today) - datetime.timedelta(days=rng.randrange(0, 120))
            batch.append(
                ProgressReport(
                    measure_id=pk,
                    as_of=day,
                    text="已按计划推进，召开专题会议研究部署，形成阶段性成果。",
                    status="in_progress",
                    percent=rng.randrange(0, 100),
                    submitted_by=user,
                )
            )
        ProgressReport.objects.bulk_create(batch, batch_size=BATCH)
        made += len(batch)
    return made


def _add_verifications(closed, user, rng) -> int:
    from zhenggai.carryout.models import Verification

    rows = []
    for pk, day in closed.values_list("pk", "closed_on"):
        briefing = rng.random() < 0.05
        rows.append(
            Verification(
                measure_id=pk,
                methods=["briefing"] if briefing else ["document_review", "on_site"],
                briefing_only=briefing,
                on_site=not briefing,
                verifier=user,
                verified_on=day or datetime.date.today(),
                findings="查阅台账资料，实地查看整改现场。",
                result="pass",
            )
        )
    Verification.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _add_rebounds(closed, user, rng) -> int:
    from zhenggai.carryout.models import Reopening

    rows = [
        Reopening(
            measure_id=pk,
            reason="回头看发现问题反弹",
            is_rebound=True,
            previous_status="closed",
            previously_closed_on=day,
            reopened_by=user,
        )
        for pk, day in closed.values_list("pk", "closed_on")
        if rng.random() < 0.01
    ]
    Reopening.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _add_mechanisms(problems, user, rng) -> int:
    from zhenggai.mechanisms.models import Mechanism

    chosen = [
        row for row in problems.values_list("pk", "round_id", "lead_unit_id") if rng.random() < 0.5
    ]
    mechanisms = Mechanism.objects.bulk_create(
        [
            Mechanism(
                round_id=round_id,
                name="整改长效工作机制",
                kind=Mechanism.Kind.RULE,
                issuing_unit_id=unit_id,
                issued_on=datetime.date.today(),
                created_by=user,
            )
            for _, round_id, unit_id in chosen
        ],
        batch_size=BATCH,
    )
    Mechanism.problems.through.objects.bulk_create(
        [
            Mechanism.problems.through(mechanism_id=mechanism.pk, problem_id=pk)
            for mechanism, (pk, _, _) in zip(mechanisms, chosen, strict=True)
        ],
        batch_size=BATCH,
    )
    return len(chosen)


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
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=1800, help="seconds for the run")
    parser.add_argument("--reports", type=int, default=500_000, help="progress reports wanted")
    parser.add_argument("--password", default="bench-pass-2026")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.requests <= 10_000 or not 1 <= args.concurrency <= 16:
        parser.error("--requests 1…10000, --concurrency 1…16")

    setup_django()
    from django.db import connection

    started = time.monotonic()
    data = complete_data(args.reports, random.Random(args.seed))
    analyze()
    vendor = connection.vendor
    connection.close()
    print(f"data ready in {time.monotonic() - started:.0f} s, added {data['added']}")

    os.environ["ZHENGGAI_SCHEDULER"] = "false"
    log = Path(f"/tmp/zhenggai-dashboard-bench-{args.port}.log")
    server = start_server(args.port, args.workers, log)
    deadline = time.monotonic() + args.time_limit
    timed = []
    try:
        for user in ("bench_office", "bench_unit"):
            client = Client(args.port)
            client.login(user, args.password)
            for page in pages(data["round"], user):
                run_page(page, client, args, deadline)
                timed.append(page)
    finally:
        stop_server(server)

    print(
        f"database: {vendor}; biggest round: {data['measures']} measures; {args.requests} "
        f"timed requests per page after {args.warmup} warm-up, concurrency {args.concurrency}, "
        f"{args.workers} gunicorn workers on {HOST}; * = p95 over {TARGET_P95_MS} ms"
    )
    print("| page | user | n | p50 ms | p95 ms | mean ms | max ms | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page in timed:
        t = page.times_ms or [float("nan")]
        p95 = percentile(t, 95)
        print(
            f"| {page.label} | {page.user} | {len(page.times_ms)} | {percentile(t, 50):.0f} | "
            f"{p95:.0f}{' *' if p95 > TARGET_P95_MS else ''} | {sum(t) / len(t):.0f} | "
            f"{max(t):.0f} | {len(page.errors)} |"
        )
    errors = [e for page in timed for e in page.errors]
    if errors:
        print(f"\nFAILED: {len(errors)} errors, e.g.", *errors[:10], sep="\n  ", file=sys.stderr)
        print(f"server log: {log}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
