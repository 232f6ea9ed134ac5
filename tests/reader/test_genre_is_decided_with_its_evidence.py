import pytest

from tests.reader.reading import read_text


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("市委第三巡察组向某县司法局党组反馈巡察情况", "feedback"),
        ("在县委巡察组巡察反馈会上的讲话", "feedback"),
        ("在县委巡察反馈会上的表态发言", "speech"),
        ("某县司法局党组关于县委巡察反馈意见的整改方案", "plan"),
        ("关于县委巡察反馈意见整改情况的通报", "progress"),
        ("某镇党委巡察整改进展情况报告", "progress"),
        ("某局领导班子巡察整改专题民主生活会对照检查材料", "self_examination"),
        ("在全县巡察整改工作推进会上的讲话", "speech"),
        ("关于做好春季森林防火工作的通知", "other"),
    ],
)
def test_the_title_names_the_genre(title, genre):
    document = read_text(f"{title}\n一、第一部分\n正文。\n")
    assert document.genre == genre


def test_the_evidence_quotes_the_words_of_the_title_with_their_line():
    document = read_text("某区关于巡察反馈意见的整改方案\n一、总体要求\n")
    [reason] = document.evidence
    assert (reason.code, reason.text, reason.line) == ("genre_title", "方案", 1)
    assert "整改方案" in reason.message


def test_without_a_telling_title_the_body_words_decide():
    text = (
        "区政法委召开会议\n"
        "一、组织领导。已制定工作方案，整改已完成。\n"
        "二、台账管理。已建立问题清单。\n"
        "三、制度建设。已出台三项制度。\n"
    )
    document = read_text(text)
    assert document.genre == "progress"
    assert document.evidence[0].code == "genre_words"
    assert document.evidence[0].line == 2


def test_a_few_stray_words_decide_nothing():
    document = read_text("会议纪要\n一、已完成的事\n二、其他\n")
    assert (document.genre, document.evidence) == ("other", [])
