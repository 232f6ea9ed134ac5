"""Times what the audit trail adds to a change: the same edits of the demo round's measures
through the ledger services (as the web, API and CLI make them), with the trail on and off,
in turns, in one process, on the database the environment names. Needs the demo round
(`zhenggai demo --no-serve`); it leaves each measure's deliverable as it found it, and the
entries it appends in the trail.

    .venv/bin/python bench/bench_audit.py [--edits 200] [--turns 3]"""

import argparse
import statistics
import time

from bench_dashboard import setup_django


def edits(count: int) -> tuple[float, float]:
    """(ms per edit, queries per edit) for `count` edits, each in its own transaction."""
    from django.db import connection

    from zhenggai.ledger import services
    from zhenggai.ledger.models import Measure
    from zhenggai.ops.demo import demo_round
    from zhenggai.rules.status import CLOSED_MEASURE_STATUSES

    round_ = demo_round()
    clerk = round_.events.filter(kind="round_created").get().actor
    open_ = Measure.objects.filter(round=round_).exclude(status__in=CLOSED_MEASURE_STATUSES)
    measures = list(open_.order_by("pk")[:50])
    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        started = time.perf_counter()
        for n in range(count):
            measure = Measure.objects.get(pk=measures[n % len(measures)].pk)
            text = measure.deliverable
            changed = text + "。" if n % 2 == 0 else text.removesuffix("。")
            services.update_measure(clerk, measure, version=None, deliverable=changed)
        elapsed = time.perf_counter() - started
    return elapsed * 1000 / count, len(queries) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--turns", type=int, default=3)
    args = parser.parse_args()
    setup_django()
    from zhenggai.audit import record

    timings: dict[str, list] = {"on": [], "off": []}
    for _ in range(args.turns):
        for state in ("on", "off"):
            (record.connect if state == "on" else record.disconnect)()
            timings[state].append(edits(args.edits))
    record.connect()
    print("| trail | ms per edit (median of turns) | queries per edit |")
    print("| --- | ---: | ---: |")
    for state, runs in timings.items():
        ms = statistics.median(run[0] for run in runs)
        print(f"| {state} | {ms:.2f} | {runs[0][1]:.1f} |")


if __name__ == "__main__":
    main()
