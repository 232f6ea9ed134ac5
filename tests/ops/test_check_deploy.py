"""The sample production environment (deploy/zhenggai.env) passes Django's deployment checklist
with nothing to say, and with it plain HTTP is redirected to HTTPS and HTTPS answers carry
HSTS. Each runs in a child process, since settings are read from the environment at start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "deploy" / "zhenggai.env"


def sample_environment(data_dir: Path) -> dict[str, str]:
    # Nothing of the test run's own: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZHENGGAI_", "DJANGO_"))}
    for line in SAMPLE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["ZHENGGAI_DATA_DIR"] = str(data_dir)  # where the secret key is generated
    env["DJANGO_SETTINGS_MODULE"] = "zhenggai.settings"
    return env


def zhenggai(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zhenggai.cli", *args],
        cwd=ROOT,
        env=sample_environment(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_on_the_sample_settings(tmp_path):
    run = zhenggai(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues" in run.stdout


PROBE = """
from django.test import Client
plain = Client(HTTP_HOST="zhenggai.zfw.lj.gov.cn").get("/login/")
secure = Client(HTTP_HOST="zhenggai.zfw.lj.gov.cn", HTTP_X_FORWARDED_PROTO="https").get("/login/")
print(plain.status_code, plain["Location"])
print(secure.status_code, secure["Strict-Transport-Security"])
print(secure.cookies["csrftoken"]["secure"])
"""


def test_http_is_redirected_and_https_carries_hsts(tmp_path):
    run = zhenggai(tmp_path, "shell", "-c", PROBE)

    assert run.returncode == 0, run.stderr
    redirect, hsts, secure_cookie = run.stdout.splitlines()[-3:]
    assert redirect == "301 https://zhenggai.zfw.lj.gov.cn/login/"
    assert hsts == "200 max-age=31536000; includeSubDomains; preload"
    assert secure_cookie == "True"
