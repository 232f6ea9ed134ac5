from tests.reader.reading import outline_of


def test_yiyao_eryao_inside_a_paragraph_are_items():
    text = "一、会议情况\n会议要求，一要提高站位；二要压实责任；三要建章立制。\n"
    assert [(level, marker) for level, marker, _ in outline_of(text)] == [
        (1, "一、"), (2, "一要"), (2, "二要"), (2, "三要"),
    ]  # fmt: skip


def test_a_run_whose_families_mix_is_one_level():
    text = "一、要求\n一是要强化学习；二要严守纪律；三要改进作风。\n"
    assert outline_of(text)[1:] == [
        (2, "一是", "要强化学习"),
        (2, "二要", "严守纪律"),
        (2, "三要", "改进作风"),
    ]


def test_first_second_and_circled_runs_are_split():
    found = outline_of("一、要求\n第一，提高站位；第二，压实责任。\n二、表现\n①次数少；②质量低。\n")
    assert [marker for _, marker, _ in found] == ["一、", "第一，", "第二，", "二、", "①", "②"]


def test_shouyao_like_words_are_no_markers():
    assert outline_of("统一要求：一要素齐全，唯一要点是及时。\n") == []
