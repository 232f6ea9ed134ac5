"""The configuration `zhenggai serve` gives gunicorn: the master's scheduler and each worker's
start, read the way gunicorn reads it."""

import os
import subprocess
import sys

from gunicorn.app.base import Application

from zhenggai.ops import gunicorn_conf, server
from zhenggai.supervision import gunicorn_hooks


class ServeConfig(Application):
    """gunicorn's own loading of the --config that `zhenggai serve` names."""

    def __init__(self, argv: list[str]):
        self.location = argv[argv.index("--config") + 1]
        super().__init__()

    def load_config(self):
        self.load_config_from_module_name_or_filename(self.location)

    def load(self):
        raise AssertionError("only the configuration is read")


def hook(name: str):
    config = ServeConfig(server.gunicorn_argv("127.0.0.1:8000", 2))
    return config.cfg.settings[name].get()


def test_the_master_starts_and_stops_the_daily_scheduler():
    assert hook("when_ready") is gunicorn_hooks.when_ready
    assert hook("on_exit") is gunicorn_hooks.on_exit


def test_each_worker_loads_the_views_then_freezes_them_before_its_first_request(tmp_path):
    assert hook("post_worker_init") is gunicorn_conf.post_worker_init
    # A new process, as a worker is: this one has long imported the views.
    done = subprocess.run(
        [sys.executable, "-c", WORKER_STARTS],
        env=os.environ
        | {"DJANGO_SETTINGS_MODULE": "zhenggai.settings", "ZHENGGAI_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    before, after, frozen = done.stdout.split()
    assert (before, after) == ("False", "True")
    # Frozen objects are left out of every later collection, full ones included.
    assert int(frozen) > 0


WORKER_STARTS = """
import gc, sys
import django
django.setup()
from zhenggai.ops import gunicorn_conf
view = "zhenggai.ledger.views.ledger_views"
print(view in sys.modules, end=" ")
gunicorn_conf.post_worker_init(worker=None)
print(view in sys.modules, gc.get_freeze_count())
"""
