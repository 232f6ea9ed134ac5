"""The master's hooks in the gunicorn configuration `zhenggai serve` gives
(zhenggai.ops.gunicorn_conf): they start the daily scheduler in the master process once it is
ready, unless ZHENGGAI_SCHEDULER is false, and stop it on exit."""

_scheduler = None


def when_ready(server) -> None:
    global _scheduler
    from django.conf import settings

    if _scheduler is not None or not settings.ZHENGGAI_SCHEDULER:
        return
    from zhenggai.supervision.scheduler import Scheduler

    _scheduler = Scheduler(settings.ZHENGGAI_TICK_HOUR, settings.TIME_ZONE)
    _scheduler.start()
    server.log.info(
        "每日任务定时器已启动：每天 %d 点执行 zhenggai tick", settings.ZHENGGAI_TICK_HOUR
    )


def on_exit(server) -> None:
    if _scheduler is not None:
        _scheduler.stop()
