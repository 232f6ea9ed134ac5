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
