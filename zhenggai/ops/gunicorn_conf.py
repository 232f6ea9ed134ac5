"""gunicorn's configuration for `zhenggai serve` (--config python:zhenggai.ops.gunicorn_conf):
the daily scheduler in the master (zhenggai.supervision.gunicorn_hooks), and each worker's
garbage collector kept off the objects that live as long as the worker."""

import gc

from zhenggai.supervision.gunicorn_hooks import on_exit, when_ready

__all__ = ["on_exit", "post_worker_init", "when_ready"]


def post_worker_init(worker) -> None:
    """Django's modules, models and URL map, loaded once, stay until the worker stops. Frozen,
    they are no longer walked by each full collection, a pause of about 100 ms in the middle of
    a request at province scale; what requests make is collected as before."""
    gc.collect()
    gc.freeze()
