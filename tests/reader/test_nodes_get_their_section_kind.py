import pytest

from tests.reader.builders import FIXTURES
from tests.reader.reading import nodes, read_text
from zhenggai.reader import read_file
from zhenggai.reader.kinds import label_kind


def kinds(text: str) -> list[tuple[str, str]]:
    return [(node.title, node.kind) for node in nodes(read_text(text))]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("存在的主要问题", "problem"),
        ("查摆的问题", "problem"),
        ("原因剖析", "cause"),
        ("问题产生的原因", "cause"),
        ("下步整改措施", "measure"),
        ("今后的努力方向", "measure"),
        ("下一步工作打算", "measure"),
        ("整改进展情况", "progress"),
        ("反馈问题整改落实情况", "progress"),
        ("存在问题及整改措施", "problem"),
        ("整改任务", "problem"),
        ("组织保障", "other"),
        ("贯彻落实党中央决策部署方面", "other"),
    ],
)
def test_a_section_heading_names_its_kind(heading, kind):
    assert kinds(f"一、{heading}\n")[0] == (heading, kind)


def test_items_inherit_their_sections_kind():
    found = kinds("二、原因剖析\n（一）在理论武装上有差距。学得不深。\n一是学得浅；二是用得少。\n")
    assert {kind for _, kind in found} == {"cause"}


def test_a_category_mentioning_zhenggai_under_the_problems_stays_a_problem():
    text = "一、存在的主要问题\n（四）在落实巡视等监督整改责任方面\n一是整改的督促力度不大。\n"
    assert kinds(text) == [
        ("存在的主要问题", "problem"),
        ("在落实巡视等监督整改责任方面", "problem"),
        ("整改的督促力度不大", "problem"),
    ]


def test_a_measure_mentioning_problems_under_the_measures_stays_a_measure():
    found = kinds("三、整改措施\n（一）着力解决群众反映强烈的突出问题\n")
    assert found[1] == ("着力解决群众反映强烈的突出问题", "measure")


def test_a_label_line_names_the_kind_of_what_it_introduces():
    found = kinds(
        "二、整改任务\n1．学习不深入\n问题表现：次数少。\n整改措施：①制定计划；②开展研讨。\n"
    )
    assert [kind for _, kind in found] == [
        "problem", "problem", "problem", "measure", "measure", "measure",
    ]  # fmt: skip


def test_a_deeper_heading_that_is_only_a_section_name_overrides():
    found = kinds("一、关于学习方面\n（一）具体表现\n（二）原因分析\n（三）整改措施\n")
    assert [kind for _, kind in found] == ["other", "problem", "cause", "measure"]


@pytest.mark.parametrize(
    ("label", "kind"),
    [("整改措施", "measure"), ("具体表现", "problem"), ("原因分析", "cause"), ("责任单位", None)],
)
def test_labels_are_known_by_their_words(label, kind):
    assert label_kind(label) == kind


def test_traditional_headings_are_classified_through_the_simplified_copy():
    document = read_file(FIXTURES / "traditional.txt")
    assert [node.kind for node in document.outline] == ["problem", "cause", "measure"]
