from tests.reader.reading import outline_of, read_text
from zhenggai.reader.inline import split_inline


def test_yishi_ershi_sanshi_inside_one_paragraph_become_its_items():
    text = "二、原因剖析\n根子在思想上：一是学习不深；二是宗旨淡化；三是担当不足。\n"
    assert outline_of(text) == [
        (1, "二、", "原因剖析"),
        (2, "一是", "学习不深"),
        (2, "二是", "宗旨淡化"),
        (2, "三是", "担当不足"),
    ]


def test_the_words_before_the_first_member_stay_with_the_node_above():
    document = read_text("二、原因剖析\n根子在思想上：一是学习不深；二是宗旨淡化。\n")
    assert document.outline[0].text == "原因剖析\n根子在思想上："


def test_a_numbered_paragraph_with_members_inside_keeps_its_own_heading():
    text = "三、措施\n（二）扛牢政治责任。一是严格落实主体责任；二是健全执法监督机制。\n"
    assert outline_of(text)[1:] == [
        (2, "（二）", "扛牢政治责任"),
        (3, "一是", "严格落实主体责任"),
        (3, "二是", "健全执法监督机制"),
    ]


def test_a_paragraph_that_starts_with_yishi_and_holds_ershi_gives_siblings():
    assert [level for level, _, _ in outline_of("一、问题\n一是学习不深；二是作风不实。\n")] == [
        1,
        2,
        2,
    ]


def test_nested_enumerations_inside_one_paragraph_nest():
    text = "整改措施：一是建章立制：①建立台账；②定期调度；二是强化督导。"
    prefix, items = split_inline(text)
    assert prefix == "整改措施："
    assert [(item.marker.text, item.text) for item in items] == [
        ("一是", "建章立制："),
        ("①", "建立台账"),
        ("②", "定期调度"),
        ("二是", "强化督导。"),
    ]


def test_inline_di_yi_di_er_and_parenthesized_numbers_are_split_too():
    assert len(split_inline("要求：第一，提高站位；第二，压实责任。")[1]) == 2
    assert len(split_inline("主要表现：（1）次数少；（2）质量低。")[1]) == 2


def test_yishi_inside_a_word_or_without_a_second_member_is_not_split():
    assert split_inline("坚持标准统一是前提；二是不能少。")[1] == []
    assert split_inline("这是其中之一是指，二是也不算。")[1] == []
    assert split_inline("一是只有一个成员。")[1] == []


def test_members_out_of_order_do_not_make_a_run():
    assert split_inline("前言：二是在前；一是在后。")[1] == []
