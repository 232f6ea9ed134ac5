"""The documents the import tests feed in, written as offices write them. The plan names the
units and the leader of tests/conftest.py, so matching can be checked; its problem 1-2 has a
measure with no deadline, which must be filled before applying."""

import io

import docx

from tests.reader.builders import FIXTURES

PLAN = """临江市委政法委关于落实省委第三巡视组反馈意见的整改方案
一、整改任务
（一）贯彻落实党中央决策部署方面
1．执法司法监督闭环没有形成
问题表现：案件评查结果运用不够。
整改措施：①建立执法监督联席会议制度；②开展案件质量评查。
责任领导：周书记
责任单位：临江市中级人民法院、临江市公安局
完成时限：2024年6月底
2．矛盾纠纷排查不细致
问题表现：网格员发现问题不及时。
整改措施：①组织网格员专项培训；②建立纠纷排查台账。
责任单位：江北派出所
（二）全面从严治党方面
1．警示教育针对性不强
整改措施：①每季度召开警示教育大会；②编印典型案例汇编。
责任单位：临江市委政法委
完成时限：长期坚持
"""


def plan_text(encoding: str = "utf-8") -> bytes:
    return PLAN.encode(encoding)


def plan_docx(text: str = PLAN) -> bytes:
    """The plan as Word writes it: one paragraph per line, the title in the Title style."""
    document = docx.Document()
    title, *lines = text.strip().split("\n")
    document.add_paragraph(title, style="Title")
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_pdf() -> bytes:
    """A progress report with a text layer (the reader's own fixture)."""
    return (FIXTURES / "progress_report.pdf").read_bytes()
