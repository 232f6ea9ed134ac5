"""The Excel ledger is checked row by row as it is written: a placeholder left in a problem or
a measure, and a problem without measures, each named by its code; the rows pass unchanged."""

from zhenggai.writer import LedgerLine, watch_ledger


def line(problem_code, measure_code="", problem="加强学习。", measure=""):
    return LedgerLine(
        problem_code=problem_code,
        category="政治建设方面",
        problem=problem,
        lead_leader="",
        measure_code=measure_code,
        measure=measure,
    )


def test_each_finding_names_the_row_it_is_in():
    lines = [
        line("1-1", "1-1.1", problem="学习贯彻党的XX大精神不深入。", measure="每月学习一次。"),
        line("1-1", "1-1.2", problem="学习贯彻党的XX大精神不深入。", measure="于X月底前完成。"),
        line("1-2"),
        line("2-1", "2-1.1", measure="建立台账。"),
    ]
    findings = []
    assert list(watch_ledger(lines, findings)) == lines
    assert [f.message for f in findings] == [
        "问题 1-1中有未填写的占位符“XX”：“学习贯彻党的XX大精神不深入。…”",
        "措施 1-1.2中有未填写的占位符“X”：“于X月底前完成。…”",
        "问题 1-2没有整改措施",
    ]
