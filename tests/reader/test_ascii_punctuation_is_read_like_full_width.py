from tests.reader.reading import outline_of


def test_ascii_brackets_commas_and_semicolons_mark_items_as_written():
    text = (
        "一、问题\n(一)学习不深\n(1)次数少\n"
        "二、要求\n第一,提高站位;第二,压实责任.\n一是加强学习;二是抓好整改\n"
    )
    assert [marker for _, marker, _ in outline_of(text)] == [
        "一、", "(一)", "(1)", "二、", "第一,", "第二,", "一是", "二是",
    ]  # fmt: skip
