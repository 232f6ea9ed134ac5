from tests.reader.reading import outline_of


def test_a_run_cut_off_before_its_yishi_starts_at_ershi():
    text = "一、要求\n……工作。二是压实责任；三是严肃问责。\n"
    assert [(level, marker) for level, marker, _ in outline_of(text)] == [
        (1, "一、"), (2, "二是"), (2, "三是"),
    ]  # fmt: skip


def test_a_run_that_starts_again_under_another_speaker_keeps_its_level():
    text = (
        "一、会议情况\n"
        "组长指出，一是要提高站位；二是要压实责任。"
        "书记表示，一是坚决整改；二是举一反三。\n"
    )
    assert [(level, marker) for level, marker, _ in outline_of(text)] == [
        (1, "一、"), (2, "一是"), (2, "二是"), (2, "一是"), (2, "二是"),
    ]  # fmt: skip
