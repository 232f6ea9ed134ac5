from tests.reader.reading import codes, outline_of, read_text


def test_a_title_broken_after_a_comma_or_a_particle_is_joined():
    text = "一、存在的问题\n一是理论学习不深，\n学用结合不紧。二是调查研究的\n次数偏少。\n"
    assert [title for _, _, title in outline_of(text)] == [
        "存在的问题",
        "理论学习不深，学用结合不紧",
        "调查研究的次数偏少",
    ]


def test_a_text_wrapped_at_a_fixed_width_is_read_as_its_paragraphs():
    line = "按照县委统一部署县委第二巡察组对局党组开展了常规巡察并反馈意"
    lines = [line] * 10 + ["见。", "一、总体要求", line + "。"]
    document = read_text("\n".join(lines) + "\n")
    assert [node.marker for node in document.outline] == ["一、"]
    assert "joined_lines" in codes(document)


def test_a_heading_and_a_marker_line_are_never_joined_to_the_line_above():
    assert [m for _, m, _ in outline_of("一、存在的问题\n（一）学习方面\n二、整改措施\n")] == [
        "一、", "（一）", "二、",
    ]  # fmt: skip


def test_a_marker_alone_on_its_line_gets_the_words_of_the_next():
    assert outline_of("一、\n存在的问题\n") == [(1, "一、", "存在的问题")]


def test_a_heading_ending_in_a_noun_with_de_is_not_joined_to_its_text():
    text = "一、目的\n规范整改工作流程。\n二、范围\n全市各单位。\n"
    assert [title for _, _, title in outline_of(text)] == ["目的", "范围"]
    text = "1 目的\n规范会议流程。\n2 会前准备\n2.1 确定议题\n"
    assert outline_of(text)[0] == (1, "1", "目的")
