"""What a problem's row in the ledger says of its measures (rules.deadlines.problem_due): the
counts, the nearest deadline still open, and the commitment an extension moved it from."""

from datetime import date

from zhenggai.rules.deadlines import ProblemDue, problem_due
from zhenggai.rules.status import MeasureStatus

TODAY = date(2026, 12, 7)
OPEN, DONE = MeasureStatus.IN_PROGRESS.value, MeasureStatus.CLOSED.value


def test_a_problem_without_measures_says_nothing():
    assert problem_due([], TODAY) == ProblemDue()


def test_the_nearest_open_deadline_names_the_commitment_it_was_moved_from():
    due = problem_due(
        [
            (date(2026, 12, 1), date(2026, 9, 30), OPEN),  # extended, and missed again
            (date(2027, 3, 31), None, OPEN),
            (date(2026, 6, 30), None, DONE),
        ],
        TODAY,
    )
    assert due == ProblemDue(
        total=3,
        done=1,
        overdue=1,
        next_deadline=date(2026, 12, 1),
        next_original=date(2026, 9, 30),
    )


def test_an_extension_of_a_later_measure_is_not_named_beside_the_nearest():
    due = problem_due(
        [(date(2027, 1, 15), None, OPEN), (date(2027, 6, 30), date(2027, 3, 31), OPEN)], TODAY
    )
    assert (due.next_deadline, due.next_original) == (date(2027, 1, 15), None)


def test_of_two_measures_due_the_same_day_the_earliest_commitment_moved_is_named():
    due = problem_due(
        [
            (date(2027, 1, 15), None, OPEN),
            (date(2027, 1, 15), date(2026, 12, 31), OPEN),
            (date(2027, 1, 15), date(2026, 10, 31), OPEN),
        ],
        TODAY,
    )
    assert due.next_original == date(2026, 10, 31)


def test_done_measures_and_standing_ones_have_no_next_deadline():
    due = problem_due([(date(2026, 1, 31), None, DONE), (None, None, OPEN)], TODAY)
    assert due == ProblemDue(total=2, done=1, overdue=0)
