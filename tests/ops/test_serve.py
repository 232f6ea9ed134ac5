import os
import subprocess
import sys
import urllib.error
import urllib.request
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.ports import free_port, wait_for
from zhenggai.ops import server


@pytest.fixture
def execs(monkeypatch):
    """Stands in for os.execv: records the argv that would have replaced the process."""
    calls = []
    monkeypatch.setattr(server.os, "execv", lambda path, argv: calls.append(argv))
    return calls


def serve(**options) -> str:
    out = StringIO()
    call_command("serve", stdout=out, **options)
    return out.getvalue()


@pytest.mark.parametrize("addr", ["127.0.0.1:8000", "0.0.0.0:80", "[::1]:9000"])
def test_an_address_is_host_and_port(addr):
    assert server.check_addr(addr) == addr


@pytest.mark.parametrize("addr", ["8000", ":8000", "localhost", "localhost:http", "h:0", "h:70000"])
def test_a_bad_address_is_refused_in_chinese(addr):
    with pytest.raises(CommandError, match="主机:端口"):
        server.check_addr(addr)


def test_serve_runs_gunicorn_on_the_wsgi_application_with_defaults(execs):
    out = serve()

    assert "http://127.0.0.1:8000/" in out
    [argv] = execs
    assert argv[:3] == [sys.executable, "-m", "gunicorn"]
    assert "zhenggai.wsgi:application" in argv
    assert argv[argv.index("--bind") + 1] == server.DEFAULT_ADDR
    assert argv[argv.index("--workers") + 1] == str(server.DEFAULT_WORKERS)


def test_serve_passes_address_and_workers_on(execs):
    out = serve(addr="0.0.0.0:9000", workers=5)

    assert "http://0.0.0.0:9000/" in out
    assert "5 个工作进程" in out
    [argv] = execs
    assert argv[argv.index("--bind") + 1] == "0.0.0.0:9000"
    assert argv[argv.index("--workers") + 1] == "5"


@pytest.mark.parametrize(
    ("options", "message"), [({"addr": "8000"}, "主机:端口"), ({"workers": 0}, "至少为 1")]
)
def test_serve_refuses_bad_arguments_without_starting(execs, options, message):
    with pytest.raises(CommandError, match=message):
        serve(**options)
    assert execs == []


@pytest.mark.django_db
def test_demo_serves_on_its_address_after_loading(execs):
    call_command("demo", addr="127.0.0.1:8124", stdout=StringIO())

    [argv] = execs
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8124"


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_real_server_answers_the_login_page_and_vendored_scripts(tmp_path):
    """The whole path once: command, gunicorn, WSGI app, WhiteNoise serving files it finds in
    node_modules without collectstatic, with DEBUG off."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ZHENGGAI_DATA_DIR": str(tmp_path), "ZHENGGAI_DEBUG": "False"}
    argv = [sys.executable, "-m", "zhenggai.cli", "serve", "--addr", base[7:], "--workers", "1"]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # gunicorn listens before its worker has loaded zhenggai: the first answer waits.
        wait_for(port, process)
        assert get(f"{base}/login/") == 200
        assert get(f"{base}/static/vendor/htmx/htmx.min.js") == 200
        assert get(f"{base}/static/admin/css/base.css") == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
