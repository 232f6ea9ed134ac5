from tests.reader.reading import nodes, read_text

APPRAISAL = (
    "督导组长在班子民主生活会上的点评\n"
    "同志们：\n"
    "总的看，这次会议开得比较成功，有三个特点：\n"
    "一是会前准备比较充分。学习研讨有计划。\n"
    "二是查摆问题比较深入。\n"
    "三是批评开门见山。\n"
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(node.marker, node.kind) for node in nodes(read_text(text))]


def test_a_run_on_its_own_lines_takes_the_kind_its_lead_in_names():
    assert kinds(APPRAISAL) == [("一是", "other"), ("二是", "other"), ("三是", "other")]


def test_words_between_the_colon_and_the_run_end_the_lead_in():
    text = APPRAISAL.replace("有三个特点：\n", "有三个特点：\n请大家对照。\n")
    assert kinds(text) == [("一是", "measure"), ("二是", "measure"), ("三是", "measure")]
