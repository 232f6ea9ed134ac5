from tests.reader.reading import outline_of, read_text


def test_a_whole_outline_on_one_line_gives_every_heading_at_its_level():
    text = "【提纲】一、提高站位(一)统一思想(二)压实责任二、狠抓落实(一)建立台账\n"
    assert outline_of(text) == [
        (1, "一、", "提高站位"),
        (2, "(一)", "统一思想"),
        (2, "(二)", "压实责任"),
        (1, "二、", "狠抓落实"),
        (2, "(一)", "建立台账"),
    ]


def test_contents_glued_to_the_title_and_the_body_are_items_both():
    text = (
        "某局整改工作方案一、工作背景1.1政策要求1.2现实需要二、主要任务2.1建立台账\n"
        "一、工作背景\n按照上级要求开展整改。\n二、主要任务\n"
    )
    document = read_text(text)
    assert document.title == "某局整改工作方案"
    assert [(level, marker) for level, marker, _ in outline_of(text)] == [
        (1, "一、"), (2, "1.1"), (2, "1.2"), (1, "二、"), (2, "2.1"), (1, "一、"), (1, "二、"),
    ]  # fmt: skip


def test_prizes_and_months_listed_with_dun_are_no_outline():
    assert outline_of("会议总结：获一、二、三等奖共9项，1、2、3月份完成验收。\n") == []
