from tests.reader.reading import nodes, read_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(node.marker, node.kind) for node in nodes(read_text(text))]


def test_a_feedbacks_findings_are_problems_and_what_it_asks_for_are_measures():
    text = (
        "县委第二巡察组反馈巡察情况\n"
        "一、落实上级决策部署方面\n"
        "（一）服务大局的举措不多。\n"
        "（二）风险排查不深入。\n"
        "会议要求，一要提高站位，认真抓好整改；二要压实责任，逐项销号。\n"
    )
    assert kinds(text) == [
        ("一、", "problem"),
        ("（一）", "problem"),
        ("（二）", "problem"),
        ("一要", "measure"),
        ("二要", "measure"),
    ]


def test_a_plans_items_are_measures_unless_they_state_a_problem():
    text = (
        "某局巡察整改方案\n"
        "一、学习贯彻上级精神不够深入\n"
        "（一）制定年度学习计划。\n"
        "（二）每季度开展一次研讨。\n"
        "二、健全执法监督机制\n"
    )
    assert kinds(text) == [
        ("一、", "problem"),
        ("（一）", "measure"),
        ("（二）", "measure"),
        ("二、", "measure"),
    ]


def test_a_circulars_items_are_progress():
    text = "关于巡察整改情况的通报\n一、理论学习方面\n1．已制定学习计划。\n2．开展专题研讨4次。\n"
    assert {kind for _, kind in kinds(text)} == {"progress"}


def test_a_self_examination_goes_from_problems_to_causes_to_measures():
    text = (
        "某局班子对照检查材料\n"
        "一、理论学习不够深入。\n"
        "二、联系群众不够紧密。\n"
        "三、产生问题的根源在于思想。\n"
        "四、在党性修养上。\n"
        "五、加强理论武装。\n"
        "六、在作风建设上。\n"
    )
    assert [kind for _, kind in kinds(text)] == [
        "problem", "problem", "cause", "cause", "measure", "measure",
    ]  # fmt: skip


def test_a_section_heading_overrides_the_genre_and_the_words():
    text = "某局巡察整改方案\n一、存在的问题\n（一）加强学习的要求落实不够。\n（二）健全制度。\n"
    assert [kind for _, kind in kinds(text)] == ["problem", "problem", "problem"]
