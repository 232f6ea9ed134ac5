"""China's working-day calendar: weekends moved around by statutory holidays and 调休 make-up days.

A year counts as known once the calendar holds any holiday or make-up day in it. Through an
unknown year only weekends are skipped, and every result says it is an estimate.
"""

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)

# chinese_calendar names its holidays in English; the office reads them in Chinese.
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    approximate: bool
    # Left out of equality so that a deadline compares by what it is, not by why it is rough.
    unknown_years: tuple[int, ...] = field(default=(), compare=False)

    @property
    def note(self) -> str:
        if not self.approximate:
            return ""
        years = "、".join(str(year) for year in self.unknown_years)
        which = f"{years}年的" if years else ""
        return f"{which}节假日安排尚未录入，按周末估算"


class WorkCalendar:
    def __init__(self, overrides: Mapping[date, bool], names: Mapping[date, str] | None = None):
        self._overrides = dict(overrides)
        self._names = dict(names or {})
        self._known_years = frozenset(day.year for day in self._overrides)

    def year_known(self, year: int) -> bool:
        return year in self._known_years

    def is_workday(self, day: date) -> bool:
        override = self._overrides.get(day)
        return day.weekday() < 5 if override is None else override

    def holiday_name(self, day: date) -> str:
        """The festival a holiday or make-up working day belongs to; "" for an ordinary day."""
        return self._names.get(day, "")

    def next_workday(self, day: date) -> Deadline:
        """The day itself when it is a working day, else the first working day after it."""
        result = day
        while not self.is_workday(result):
            result += ONE_DAY
        return self._deadline(day, result)

    def add_workdays(self, start: date, n: int) -> Deadline:
        """The n-th working day after start; for n == 0, start rolled forward to a working day."""
        if n < 0:
            raise ValueError(f"n must not be negative: {n}")
        if n == 0:
            return self.next_workday(start)
        result, remaining = start, n
        while remaining:
            result += ONE_DAY
            if self.is_workday(result):
                remaining -= 1
        return self._deadline(start + ONE_DAY, result)

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negated when b is before a, so that swapping a and b flips the
        sign. Zero when a == b. Weekends-only through unknown years, like everything else."""
        if b < a:
            return -self.workdays_between(b, a)
        return sum(self.is_workday(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))

    def months_after(self, start: date, months: int) -> Deadline:
        """The same day `months` calendar months later (clamped to the month's end), rolled
        forward past days off, as a legal deadline in months is."""
        if months < 0:
            raise ValueError(f"months must not be negative: {months}")
        return self.next_workday(_add_months(start, months))

    def _deadline(self, first: date, last: date) -> Deadline:
        """A result found by looking at the days first..last."""
        unknown = tuple(y for y in range(first.year, last.year + 1) if not self.year_known(y))
        return Deadline(last, bool(unknown), unknown)


def _add_months(day: date, months: int) -> date:
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def from_chinese_calendar() -> WorkCalendar:
    """The calendar the chinese_calendar package knows (2004–2026 in version 1.11)."""
    import chinese_calendar

    overrides: dict[date, bool] = {}
    names: dict[date, str] = {}
    for table, is_workday in (
        (chinese_calendar.holidays, False),
        (chinese_calendar.workdays, True),
    ):
        for day, name in table.items():
            overrides[day] = is_workday
            names[day] = HOLIDAY_NAMES_ZH.get(name, name)
    return WorkCalendar(overrides, names)
