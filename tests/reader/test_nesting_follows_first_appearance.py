from tests.reader.builders import docx, p
from tests.reader.reading import outline_of
from zhenggai.reader import read_bytes
from zhenggai.reader.model import walk


def test_a_document_going_from_yi_to_1_to_paren_1_nests_that_way():
    text = (
        "一、存在的问题\n1.学习不够深入\n（1）次数少。\n（2）不结合实际。\n2.作风不实\n二、措施\n"
    )
    assert outline_of(text) == [
        (1, "一、", "存在的问题"),
        (2, "1.", "学习不够深入"),
        (3, "（1）", "次数少"),
        (3, "（2）", "不结合实际"),
        (2, "2.", "作风不实"),
        (1, "二、", "措施"),
    ]


def test_a_document_going_from_paren_yi_to_yishi_nests_that_way():
    text = (
        "（一）在理论学习方面\n一是学习不深。\n二是运用不够。\n（二）在作风建设方面\n一是调研少。\n"
    )
    assert [level for level, _, _ in outline_of(text)] == [1, 2, 2, 1, 2]


def test_the_same_families_in_the_opposite_order_nest_the_opposite_way():
    text = "1.总体情况\n一、存在的问题\n二、原因\n2.下一步\n一、措施\n"
    assert outline_of(text) == [
        (1, "1.", "总体情况"),
        (2, "一、", "存在的问题"),
        (2, "二、", "原因"),
        (1, "2.", "下一步"),
        (2, "一、", "措施"),
    ]


def test_a_family_seen_again_closes_the_levels_opened_after_it():
    text = "一、问题\n（一）方面一\n1.具体一\n（1）细节\n二、原因\n"
    assert outline_of(text)[-1] == (1, "二、", "原因")


def test_sequence_words_enumerate_only_as_a_run():
    text = "一、措施\n首先，抓好对账销号。\n其次，健全机制。\n最后，正风肃纪。\n"
    assert [marker for _, marker, _ in outline_of(text)] == ["一、", "首先，", "其次，", "最后，"]


def test_a_lone_closing_zuihou_is_text_not_an_item():
    text = "一、措施\n（一）健全机制。\n最后，我表态坚决完成整改任务。\n"
    document = outline_of(text)
    assert [marker for _, marker, _ in document] == ["一、", "（一）"]


def test_paragraphs_without_a_marker_continue_the_item_above_them():
    text = "一、存在的问题\n（一）学习不深。\n具体表现在读原文少。\n"
    node = outline_of(text)[1]
    assert node == (2, "（一）", "学习不深")


def test_headings_given_only_by_a_style_nest_by_their_level():
    document = read_bytes(
        docx(
            p("存在的问题", style="Heading1"),
            p("理论学习方面", style="Heading2"),
            p("一是学习不深。"),
            p("原因分析", style="WpsHeading1"),
        ),
        "样式标题.docx",
    )
    assert [(n.level, n.title) for n in walk(document.outline)] == [
        (1, "存在的问题"),
        (2, "理论学习方面"),
        (3, "学习不深"),
        (1, "原因分析"),
    ]


def test_a_second_level_style_heading_before_any_first_level_one_is_not_nested_under_it():
    document = read_bytes(
        docx(
            p("某区司法局发言提纲"),
            p("前言", style="Heading2"),
            p("按照要求，现汇报如下。"),
            p("存在的问题", style="Heading1"),
        ),
        "样式.docx",
    )
    assert document.title == "某区司法局发言提纲"
    assert [(n.level, n.title) for n in document.outline] == [(1, "前言"), (1, "存在的问题")]
