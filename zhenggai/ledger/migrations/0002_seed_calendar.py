from django.db import migrations

SOURCE = "chinesecalendar 1.11.0"


def seed(apps, schema_editor):
    import chinese_calendar

    from zhenggai.rules.workdays import HOLIDAY_NAMES_ZH

    CalendarDay = apps.get_model("ledger", "CalendarDay")
    days = [
        CalendarDay(
            date=day, is_workday=is_workday, name=HOLIDAY_NAMES_ZH.get(name, name), source=SOURCE
        )
        for table, is_workday in (
            (chinese_calendar.holidays, False),
            (chinese_calendar.workdays, True),
        )
        for day, name in table.items()
    ]
    # A day the office has already entered by hand stays as the office entered it.
    CalendarDay.objects.bulk_create(days, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("ledger", "CalendarDay").objects.filter(source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
