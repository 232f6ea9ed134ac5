import datetime

import pytest

from tests.reader.builders import FIXTURES, ledger_workbook
from tests.reader.reading import read_text
from zhenggai.reader import build_draft, read_bytes, read_file


@pytest.fixture(scope="module")
def court():
    return build_draft(read_file(FIXTURES / "court_speech.txt"))


@pytest.fixture(scope="module")
def plan():
    return build_draft(read_file(FIXTURES / "rectification_plan.txt"))


def test_a_speech_outlines_second_level_headings_are_categories_holding_its_items(court):
    assert [(c.number, c.title, len(c.problems)) for c in court.categories] == [
        (1, "在执行巡察反馈意见方面", 2),
        (2, "在落实全面从严治党责任方面", 2),
    ]


def test_a_problems_first_sentence_is_the_problem_and_the_rest_its_manifestations(court):
    problem = court.categories[0].problems[0]
    assert (problem.number, problem.text) == (1, "审判执行监督的闭环没有形成")
    assert problem.manifestations == [
        "对长期未结案件的清理仍以统计通报为主，没有逐案倒查原因。",
        "个别基层法庭出现积案回潮。",
    ]


def test_items_below_a_problem_are_manifestations_without_their_lead_in(court):
    problem = court.categories[1].problems[0]
    assert problem.manifestations == [
        "院庭长阅核案件的比例偏低",
        "廉政风险点排查更新不及时",
        "对违反“三个规定”的记录报告抓得不严。",
    ]


def test_causes_written_inline_are_each_a_cause(court):
    assert [cause.text for cause in court.causes] == [
        "理论学习没有往深里走，满足于读原文、记笔记",
        "宗旨意识有所淡化，对群众诉讼的难处体会不深",
        "担当精神不足，遇到矛盾有绕着走的倾向。",
    ]


def test_measures_carry_kind_deadline_and_known_units_when_the_text_says_them(court):
    assert [(m.kind, m.deadline, m.units) for m in court.measures] == [
        ("immediate", datetime.date(2024, 3, 31), []),
        ("time_bound", datetime.date(2024, 6, 30), ["基层法庭"]),
        ("ongoing", None, []),
    ]


def test_the_closing_words_of_a_speech_are_not_part_of_the_last_measure(court):
    assert "批评指正" not in court.measures[-1].text


def test_a_plans_measures_belong_to_their_problem_with_its_leader_units_and_deadline(plan):
    problem = plan.categories[0].problems[1]
    assert (problem.text, problem.lead_leader) == ("平安建设考核指标落实不到位", "李某某")
    assert problem.manifestations == ["对乡镇平安建设考核失之于宽，个别指标只看材料不看实效。"]
    units = ["县综治中心", "县公安局", "县司法局"]
    assert [(m.text, m.deadline, m.units) for m in problem.measures] == [
        ("修订平安建设考核细则", datetime.date(2024, 3, 31), units),
        ("对考核排名靠后的乡镇进行约谈。", datetime.date(2024, 3, 31), units),
    ]
    assert plan.measures == []


def test_a_plans_ongoing_deadline_field_makes_its_measures_ongoing(plan):
    problem = plan.categories[1].problems[0]
    assert [(m.kind, m.deadline) for m in problem.measures] == [("ongoing", None)] * 2


def test_problems_listed_without_categories_make_one_category():
    draft = build_draft(
        read_text("一、存在的问题\n1.学习不深。读原文少。\n2.作风不实。\n三、整改措施\n")
    )
    assert [(c.number, c.title) for c in draft.categories] == [(1, "存在的问题")]
    assert [p.text for p in draft.categories[0].problems] == ["学习不深", "作风不实"]


def test_a_feedback_speech_without_a_problem_section_takes_its_top_headings_as_categories():
    draft = build_draft(read_file(FIXTURES / "feedback_speech.txt"))
    assert [c.title for c in draft.categories] == [
        "贯彻落实党的路线方针政策和上级决策部署方面",
        "落实全面从严治党“两个责任”方面",
    ]
    assert draft.categories[0].problems[0].text == "服务保障大局的意识不强"
    assert len(draft.measures) == 2


def test_ledger_rows_become_categories_problems_and_measures():
    draft = build_draft(read_bytes(ledger_workbook(), "整改台账.xlsx"))
    assert [(c.title, [p.text for p in c.problems]) for c in draft.categories] == [
        ("政治建设方面", ["理论学习不够深入"]),
        ("队伍建设方面", ["干部培训针对性不强", "基层力量配备不足"]),
    ]
    measures = draft.categories[0].problems[0].measures
    assert [(m.text, m.kind, m.units) for m in measures] == [
        ("制定年度学习计划", "time_bound", ["区委政法委"]),
        ("每季度开展专题研讨", "ongoing", ["区委政法委", "区法院", "区检察院"]),
    ]
    assert draft.categories[0].problems[0].lead_leader == "王某某"
