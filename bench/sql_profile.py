"""Where the time of each benchmarked page goes: the queries, their time, and the slowest
ones with the database's plan. Same pages and database as http_bench.py and
bench_dashboard.py, but in-process
through Django's test client, so no server is needed.

    .venv/bin/python bench/sql_profile.py [--top 3] [--explain] [--only problem] [--cpu 5]

--cpu N times each page N more times and prints the median CPU time of the process
(`time.process_time`): on SQLite that includes the database's work, and a busy machine
disturbs it less than wall time."""

import argparse
import random
import statistics
import time

from bench_dashboard import pages as dashboard_pages
from http_bench import pages_for, pick_targets


def plan(connection, sql: str) -> str:
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql)
        return "\n".join("    " + " ".join(str(c) for c in row) for row in cursor.fetchall())


def cpu_ms(client, path: str, times: int) -> float:
    spent = []
    for _ in range(times):
        started = time.process_time()
        client.get(path)
        spent.append((time.process_time() - started) * 1000)
    return statistics.median(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=3, help="slowest queries shown per page")
    parser.add_argument("--explain", action="store_true", help="show their query plans")
    parser.add_argument("--only", default="", help="pages whose label contains this")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cpu", type=int, default=0, help="median CPU ms of N more requests")
    args = parser.parse_args()

    targets = pick_targets(random.Random(args.seed))
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    for user in targets["users"]:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(get_user_model().objects.get(username=user))
        for page in pages_for(user, targets) + dashboard_pages(targets["round"], user):
            if args.only not in page.label:
                continue
            path = page.paths[0]
            client.get(path)  # warm caches
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                total = (time.perf_counter() - started) * 1000
            queries = captured.captured_queries
            sql_ms = sum(float(q["time"]) for q in queries) * 1000
            cpu = f", CPU {cpu_ms(client, path, args.cpu):.0f} ms" if args.cpu else ""
            print(
                f"\n== {page.label} / {user}: HTTP {response.status_code}, {total:.0f} ms, "
                f"{len(queries)} queries, {sql_ms:.0f} ms in SQL{cpu}  {path}"
            )
            for q in sorted(queries, key=lambda q: -float(q["time"]))[: args.top]:
                print(f"  {float(q['time']) * 1000:.0f} ms: {q['sql'][:600]}")
                if args.explain:
                    print(plan(connection, q["sql"]))


if __name__ == "__main__":
    main()
