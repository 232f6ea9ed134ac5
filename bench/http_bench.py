"""Times zhenggai's home pages and ledger pages over HTTP, as the office, a county unit's
reporter, a leader and a city's reporter see them.

Serves the data set of `zhenggai gen` with gunicorn on 127.0.0.1, logs in through the login
form, and prints p50/p95/mean/max per page. Every answer must be a 200: any other status,
or running past --time-limit, makes the run fail. The database is the one the environment
names (ZHENGGAI_DATA_DIR for SQLite, ZHENGGAI_DATABASE_URL for PostgreSQL), as for the server.

    .venv/bin/python bench/http_bench.py [--requests 200] [--concurrency 1]

Only the standard library talks HTTP; Django is loaded once, before the server starts, to pick
the round, units and problems to ask for."""

import argparse
import http.client
import itertools
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TARGET_P95_MS = 60
# The province office (also a leader there), a county bureau's reporter, and the leader who
# leads the most problems of the biggest round; pick_targets adds the reporter of the county's
# city (a 市委政法委, whose tree of about 50 units answers for a quarter of the round).
USERS = ("bench_office", "bench_unit", "bench_leader")
REPORTERS = "bench_reporter_"
SAMPLE = 40  # distinct problems and units per page kind


@dataclass
class Page:
    label: str
    user: str
    paths: list[str]
    times_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Client:
    """One logged-in browser: cookies kept by hand, a fresh connection per request (gunicorn's
    sync workers close the connection after each answer anyway)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, float]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            conn.close()
        elapsed_ms = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, text, elapsed_ms

    def login(self, username: str, password: str) -> None:
        status, text, _ = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        if status != 200 or not token:
            raise SystemExit(f"login page: HTTP {status}")
        form = {"csrfmiddlewaretoken": token[1], "username": username, "password": password}
        status, _, _ = self.request("POST", "/login/", urlencode(form))
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"{username} could not log in: HTTP {status} (run zhenggai gen?)")


def pick_targets(rng: random.Random) -> dict:
    """The biggest generated round, bench_unit's county bureau, bench_leader's person, and
    samples of problems and units that each user may see."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count

    from zhenggai.ledger.models import InspectionRound, Problem, Unit
    from zhenggai.ops.generator import ROOT_NAME, ROUND_PREFIX

    rounds = InspectionRound.objects.filter(name__startswith=ROUND_PREFIX)
    big = rounds.annotate(n=Count("problems")).order_by("-n").first()
    if big is None:
        raise SystemExit("no generated rounds: run zhenggai gen first")
    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERS)}
    if set(users) != set(USERS):
        raise SystemExit(f"missing logins {set(USERS) - set(users)}: run zhenggai gen --fresh")
    county = users["bench_unit"].person.unit
    # The county's city's own reporter: one of the logins gen makes for every unit.
    reporters = get_user_model().objects.filter(username__startswith=REPORTERS)
    city_reporter = reporters.filter(person__unit=county.parent_id).order_by("username").first()
    if city_reporter is None:
        raise SystemExit("no reporter login for the county's city: run zhenggai gen --fresh")
    users[city_reporter.username] = city_reporter
    root = Unit.objects.get(name=ROOT_NAME, parent=None)
    mid_units = list(
        Unit.objects.filter(path__startswith=root.path, depth=3).values_list("pk", flat=True)
    )
    targets = {
        "round": big.pk,
        "county": county.pk,
        "city": county.parent_id,
        "leader": users["bench_leader"].person.pk,
        "vendor": connection.vendor,
        "problems": big.problems.count(),
        "measures": big.measures.count(),
        "users": [*USERS, city_reporter.username],
    }
    for name in targets["users"]:
        visible = Problem.objects.visible_to(users[name]).filter(round=big)
        ids = list(visible.values_list("pk", flat=True))
        own = users[name].person.unit
        targets[name] = {
            "problems": rng.sample(ids, min(SAMPLE, len(ids))),
            "units": (
                rng.sample(mid_units, min(SAMPLE, len(mid_units)))
                if name == "bench_office"
                else [own.pk, *own.children.values_list("pk", flat=True)]
            ),
        }
    connection.close()
    return targets


def pages_for(user: str, targets: dict) -> list[Page]:
    """What each person opens: its home page, the round's home, the lists its home page links
    to, the first and a deep page of both lists, problems, units, and the leader's page."""
    ledger = f"/rounds/{targets['round']}/ledger/"
    mine = targets[user]
    county = targets["county"]
    pages = [
        Page("home page (工作台)", user, ["/"]),
        Page("round home", user, [f"/rounds/{targets['round']}/"]),
        Page(
            "ledger filtered (measures, county unit, overdue)",
            user,
            [f"{ledger}?view=measures&unit={county}&overdue=on"],
        ),
        # The reporter's 已超期 on its home page: led by the county's units only.
        Page(
            "ledger filtered (measures, county unit leads, overdue)",
            user,
            [f"{ledger}?view=measures&unit={county}&unit_role=lead&overdue=on"],
        ),
        Page("ledger problems, page 1", user, [f"{ledger}?view=problems"]),
        Page("ledger measures, page 1", user, [f"{ledger}?view=measures"]),
        Page("ledger problems, page 200", user, [f"{ledger}?view=problems&page=200"]),
        Page("ledger measures, page 200", user, [f"{ledger}?view=measures&page=200"]),
        Page("problem detail", user, [f"/problems/{pk}/" for pk in mine["problems"]]),
        Page("unit page", user, [f"/units/{pk}/" for pk in mine["units"]]),
        Page("leader page", user, [f"/persons/{targets['leader']}/"]),
    ]
    if user == "bench_office":
        # The office narrowing the ledger to a city: a tree of about 50 units, a quarter of
        # the round.
        city = f"{ledger}?unit={targets['city']}"
        pages[4:4] = [
            Page("ledger filtered (measures, city unit)", user, [f"{city}&view=measures"]),
            Page("ledger filtered (problems, city unit)", user, [f"{city}&view=problems"]),
        ]
    if user.startswith(REPORTERS):
        # The city reporter's 已超期 on its home page: led by the city's units.
        own = f"{ledger}?view=measures&unit={targets['city']}&unit_role=lead&overdue=on"
        pages[4:4] = [Page("ledger filtered (measures, city unit leads, overdue)", user, [own])]
    if user == "bench_leader":
        # What its home page links to: its own problems, and those lit red.
        leads = f"{ledger}?view=problems&leader={targets['leader']}"
        pages[2:2] = [
            Page("ledger filtered (my problems)", user, [leads]),
            Page("ledger filtered (my problems, red)", user, [f"{leads}&light=red"]),
        ]
    return pages


def start_server(port: int, workers: int, log: Path) -> subprocess.Popen:
    """`zhenggai serve` without its daily scheduler: a tick would compete with the timed
    requests, and would send the day's reminders before bench_tick.py times that."""
    serve = ROOT / "zhenggai" / "ops" / "management" / "commands" / "serve.py"
    venv = ROOT / ".venv" / "bin"
    addr = f"{HOST}:{port}"
    if serve.exists():
        argv = [str(venv / "zhenggai"), "serve", "--addr", addr, "--workers", str(workers)]
    else:
        argv = [str(venv / "gunicorn"), "zhenggai.wsgi", "-b", addr, "-w", str(workers)]
    with log.open("w") as out:
        server = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=os.environ | {"ZHENGGAI_SCHEDULER": "false"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if Client(port).request("GET", "/login/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"the server was not up within 30 s, see {log}")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def run_page(page: Page, client: Client, args, deadline: float, warmup: int, timed: int) -> None:
    """`concurrency` threads draw request numbers from one counter until all are done."""
    total = warmup + timed
    numbers = itertools.count()  # next() on it is atomic under the GIL

    def worker() -> None:
        while (i := next(numbers)) < total:
            if time.monotonic() > deadline:
                page.errors.append(f"time limit of {args.time_limit:.0f} s reached")
                return
            path = page.paths[(len(page.times_ms) + i) % len(page.paths)]
            status, _, elapsed = client.request("GET", path)
            if status != 200:
                page.errors.append(f"HTTP {status} {path}")
            elif i >= warmup:
                page.times_ms.append(elapsed)

    with ThreadPoolExecutor(args.concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(args.concurrency)]:
            future.result()


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p% of values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * p / 100) - 1)]


def time_pages(args, log: Path, pages_of, users=USERS) -> list[Page]:
    """Serve, log in as each of `users` and time its pages (`pages_of(user)`), then stop."""
    server = start_server(args.port, args.workers, log)
    deadline = time.monotonic() + args.time_limit
    try:
        clients, timed = {}, []
        for user in users:
            clients[user] = Client(args.port)
            clients[user].login(user, args.password)
            timed += [page for page in pages_of(user) if args.only in page.label]
        # In passes, every page takes its turn in each: a machine that slows down for a
        # while slows all the pages alike, and pages compared with each other stay fair.
        for turn in range(args.passes):
            share = args.requests // args.passes + (turn < args.requests % args.passes)
            warmup = args.warmup if turn == 0 else 0
            for page in timed:
                run_page(page, clients[page.user], args, deadline, warmup, share)
    finally:
        stop_server(server)
    return timed


def print_table(pages: list[Page], target_ms: float) -> None:
    print("| page | user | n | p50 ms | p95 ms | mean ms | max ms | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page in pages:
        t = page.times_ms or [float("nan")]
        p95 = percentile(t, 95)
        print(
            f"| {page.label} | {page.user} | {len(page.times_ms)} | {percentile(t, 50):.0f} | "
            f"{p95:.0f}{' *' if p95 > target_ms else ''} | {statistics.fmean(t):.0f} | "
            f"{max(t):.0f} | {len(page.errors)} |"
        )


def exit_status(pages: list[Page], log: Path) -> int:
    """1, with the first errors and where the server's log is, when any request failed."""
    errors = [e for page in pages for e in page.errors]
    if not errors:
        return 0
    print(f"\nFAILED: {len(errors)} errors, e.g.", *errors[:10], sep="\n  ", file=sys.stderr)
    print(f"server log: {log}", file=sys.stderr)
    return 1


def add_timing_arguments(parser, port: int, requests: int, time_limit: float) -> None:
    """How a benchmark serves and times its pages (this one and bench_dashboard.py)."""
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=requests, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument(
        "--passes", type=int, default=1, help="time the pages in turn, this many times"
    )
    parser.add_argument("--time-limit", type=float, default=time_limit, help="seconds for the run")
    parser.add_argument("--password", default="bench-pass-2026")
    parser.add_argument("--only", default="", help="only the pages whose label contains this")


def parse_timing_arguments(parser):
    args = parser.parse_args()
    if not 1 <= args.requests <= 10_000 or not 1 <= args.concurrency <= 16:
        parser.error("--requests 1…10000, --concurrency 1…16")
    if not 1 <= args.passes <= args.requests:
        parser.error("--passes 1…requests")
    return args


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_timing_arguments(parser, port=8765, requests=200, time_limit=1200)
    parser.add_argument("--seed", type=int, default=1)
    args = parse_timing_arguments(parser)

    targets = pick_targets(random.Random(args.seed))
    log = Path(f"/tmp/zhenggai-http-bench-{args.port}.log")
    pages = time_pages(args, log, lambda user: pages_for(user, targets), targets["users"])
    print(
        f"database: {targets['vendor']}; biggest round: {targets['problems']} problems, "
        f"{targets['measures']} measures; {args.requests} timed requests per page after "
        f"{args.warmup} warm-up, concurrency {args.concurrency}; * = p95 over {TARGET_P95_MS} ms"
    )
    print_table(pages, TARGET_P95_MS)
    return exit_status(pages, log)


if __name__ == "__main__":
    sys.exit(main())
