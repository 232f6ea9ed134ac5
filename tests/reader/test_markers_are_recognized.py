import pytest

from zhenggai.reader.markers import recognize

RECOGNIZED = [
    ("一、存在的主要问题", "cn_dun", 1, "一、"),
    ("十二、其他", "cn_dun", 12, "十二、"),
    ("（一）在贯彻落实方面", "cn_paren", 1, "（一）"),
    ("(三)半角括号", "cn_paren", 3, "(三)"),
    ("㈣带圈括号", "cn_paren", 4, "㈣"),
    ("1.学习不深入", "ar_dot", 1, "1."),
    ("１．全角数字", "ar_dot", 1, "１．"),
    ("⒉带点数字", "ar_dot", 2, "⒉"),
    ("1、顿号", "ar_dun", 1, "1、"),
    ("（1）全角括号", "ar_paren", 1, "（1）"),
    ("(2)半角括号", "ar_paren", 2, "(2)"),
    ("⑶括号数字", "ar_paren", 3, "⑶"),
    ("1）半括号", "ar_half", 1, "1）"),
    ("3)半括号", "ar_half", 3, "3)"),
    ("①带圈数字", "circle", 1, "①"),
    ("㉑二十一", "circle", 21, "㉑"),
    ("第一，坚持问题导向", "di", 1, "第一，"),
    ("第二、强化责任", "di", 2, "第二、"),
    ("一是学用结合不紧密", "shi", 1, "一是"),
    ("十一是少见但成立", "shi", 11, "十一是"),
    ("首先，抓好对账销号", "seq", 1, "首先，"),
    ("其次要健全机制", "seq", 2, "其次"),
    ("最后，持之以恒", "seq", 9, "最后，"),
    ("● 要点", "bullet", 0, "●"),
    ("　　二、前面有全角空格", "cn_dun", 2, "二、"),
]


@pytest.mark.parametrize(("text", "family", "value", "marker"), RECOGNIZED)
def test_a_marker_family_is_recognized_with_its_value(text, family, value, marker):
    found = recognize(text)
    assert found is not None
    assert (found.family, found.value, found.text) == (family, value, marker)


@pytest.mark.parametrize(
    "text",
    [
        "1.5亿元的专项资金",
        "2023年政法委工作",
        "统一是前提",
        "一二、不是数字",
        "第一书记到村任职",
        "（2023年12月）",
        "十十、错误的数字",
        "最后一公里问题",
        "",
    ],
)
def test_text_that_only_looks_numbered_has_no_marker(text):
    assert recognize(text) is None
