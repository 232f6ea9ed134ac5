from zhenggai.rules.status import ProblemStatus, problem_status


def test_a_problem_without_measures_has_not_started():
    assert problem_status([]) == ProblemStatus.NOT_STARTED


def test_a_problem_is_in_progress_as_soon_as_one_measure_moves():
    assert problem_status(["not_started", "in_progress"]) == ProblemStatus.IN_PROGRESS


def test_a_returned_measure_keeps_the_problem_in_progress():
    assert problem_status(["closed", "returned"]) == ProblemStatus.IN_PROGRESS


def test_a_problem_waits_for_verification_when_all_measures_are_done():
    assert problem_status(["done_pending", "closed"]) == ProblemStatus.DONE_PENDING


def test_a_problem_is_closed_when_every_measure_is_closed_or_ongoing():
    assert problem_status(["closed", "ongoing"]) == ProblemStatus.CLOSED
