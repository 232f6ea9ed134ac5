"""Email and scheduler settings, read from the environment at start."""

import json
import os
import subprocess
import sys

SHOW = """
import json
from zhenggai import settings as s
print(json.dumps([getattr(s, "MAILERS", None), s.ZHENGGAI_SCHEDULER, s.ZHENGGAI_TICK_HOUR]))
"""


def settings_with(tmp_path, **env):
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        env={**os.environ, "ZHENGGAI_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
    )


def read(tmp_path, **env):
    done = settings_with(tmp_path, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_without_a_mail_host_there_is_no_mailer_and_the_scheduler_runs_at_two(tmp_path):
    assert read(tmp_path) == [None, True, 2]


def test_a_mail_host_makes_the_default_smtp_mailer(tmp_path):
    mailers, _, _ = read(
        tmp_path,
        ZHENGGAI_EMAIL_HOST="mail.zfw.example",
        ZHENGGAI_EMAIL_PORT="465",
        ZHENGGAI_EMAIL_USE_SSL="true",
    )
    options = mailers["default"]["OPTIONS"]
    assert mailers["default"]["BACKEND"].endswith("smtp.EmailBackend")
    assert (options["host"], options["port"], options["use_ssl"]) == ("mail.zfw.example", 465, True)


def test_tls_and_ssl_together_stop_the_start(tmp_path):
    done = settings_with(
        tmp_path,
        ZHENGGAI_EMAIL_HOST="mail.zfw.example",
        ZHENGGAI_EMAIL_USE_TLS="1",
        ZHENGGAI_EMAIL_USE_SSL="1",
    )
    assert done.returncode != 0 and "只能开启一个" in done.stderr


def test_the_scheduler_can_be_switched_off_from_the_environment(tmp_path):
    assert read(tmp_path, ZHENGGAI_SCHEDULER="false", ZHENGGAI_TICK_HOUR="23")[1:] == [False, 23]
