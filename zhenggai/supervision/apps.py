from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "zhenggai.supervision"
    label = "supervision"
    verbose_name = "督促督办"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from zhenggai.ledger.models import CalendarDay, Event, InspectionRound, Measure
        from zhenggai.supervision import lights, panels  # noqa: F401  (panels register here)

        # A changed measure, or a round whose settings may have changed, gets its lights now
        # rather than at the next daily tick (lights.py says what this does not catch).
        post_save.connect(lights.on_measure_saved, sender=Measure, dispatch_uid="measure_light")
        post_save.connect(lights.on_event_recorded, sender=Event, dispatch_uid="event_light")
        post_save.connect(lights.on_round_saved, sender=InspectionRound, dispatch_uid="round_light")
        for signal in (post_save, post_delete):
            signal.connect(lights.on_calendar_changed, sender=CalendarDay, dispatch_uid="day_light")
