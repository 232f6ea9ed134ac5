"""gunicorn's configuration for `zhenggai serve` (--config python:zhenggai.ops.gunicorn_conf):
the daily scheduler in the master (zhenggai.supervision.gunicorn_hooks), and each worker made
ready before its first request, its garbage collector kept off what lives as long as it."""

import gc

from django.urls import resolve

from zhenggai.supervision.gunicorn_hooks import on_exit, when_ready

__all__ = ["on_exit", "post_worker_init", "when_ready"]


def post_worker_init(worker) -> None:
    """Resolving a path imports the URL map, and with it every view and the API's schemas:
    about 340 ms that the worker's first request would wait for otherwise. What is loaded by
    then stays until the worker stops. Frozen, it is no longer walked by each full collection,
    a pause of about 100 ms in the middle of a request at province scale; what requests make
    is collected as before."""
    resolve("/")
    gc.collect()
    gc.freeze()
