"""Before a document goes out it is checked: unfilled placeholders, sections left empty, a
problem without measures; each finding names the place as a person knows it."""

import dataclasses

from tests.writer import samples
from zhenggai.writer import check, rectification_plan, speech_outline
from zhenggai.writer.model import CategoryItem


def test_a_clean_plan_has_no_findings():
    assert check(rectification_plan(samples.ROUND, samples.CATEGORIES)) == []


def test_xx_in_a_problem_is_reported_with_the_problems_code():
    problem = dataclasses.replace(samples.STUDY_PROBLEM, text="学习贯彻党的XX大精神不深入。")
    categories = [CategoryItem(1, "贯彻落实党中央决策部署方面", (problem,))]
    messages = [f.message for f in check(rectification_plan(samples.ROUND, categories))]
    assert messages == ["问题 1-1中有未填写的占位符“XX”：“1.学习贯彻党的XX大精神不深入。…”"]


def test_placeholders_in_the_offices_texts_name_the_text():
    texts = {"opening": "根据第X巡视组反馈意见，结合【单位名称】实际，制定本方案。"}
    messages = [f.message for f in check(rectification_plan(samples.ROUND, [], texts))]
    assert any(m.startswith("开头语中有未填写的占位符“第X”") for m in messages)
    assert any(m.startswith("开头语中有未填写的占位符“【单位名称】”") for m in messages)


def test_a_field_nobody_fills_is_a_placeholder_too():
    texts = {"title": "{不存在的字段}整改方案"}
    findings = check(rectification_plan(samples.ROUND, samples.CATEGORIES, texts))
    assert [f.code for f in findings] == ["placeholder"]


def test_a_problem_without_measures_is_named():
    bare = dataclasses.replace(samples.STUDY_PROBLEM, measures=())
    categories = [CategoryItem(1, "贯彻落实党中央决策部署方面", (bare,))]
    findings = check(rectification_plan(samples.ROUND, categories))
    assert [(f.code, f.message) for f in findings] == [("no_measures", "问题 1-1没有整改措施")]


def test_sections_left_empty_are_named_by_their_heading():
    document = speech_outline(samples.ROUND, samples.LEADER, samples.CATEGORIES, [], [])
    assert [f.message for f in check(document)] == [
        "“二、原因剖析”下没有内容",
        "“三、下步整改措施”下没有内容",
    ]
