from tests.reader.reading import outline_of


def test_a_run_right_after_a_colon_or_a_comma():
    assert len(outline_of("会议强调：一是提高认识；二是抓好落实。\n")) == 2
    assert len(outline_of("他指出，一要带头学习，二要带头整改。\n")) == 2


def test_a_single_yi_heading_after_a_colon_is_an_item():
    found = outline_of("我代表局党组郑重表态：一、自觉接受监督。局党组将主动配合巡察。\n")
    assert found == [(1, "一、", "自觉接受监督")]


def test_a_single_yishi_without_a_second_member_is_text():
    assert outline_of("会议强调：一是一个整体，不能割裂。\n") == []
