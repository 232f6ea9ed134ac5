import pytest

from tests.reader.builders import FIXTURES
from tests.reader.reading import read_text
from zhenggai.reader import read_file


@pytest.fixture(scope="module")
def site_copy():
    return read_file(FIXTURES / "site_copy.txt")


def found(document, code):
    return [(w.line, w.text) for w in document.warnings if w.code == code]


def test_paywall_markers_are_removed_even_in_the_middle_of_a_paragraph(site_copy):
    assert found(site_copy, "paywall_marker") == [(4, "##paidbegin##"), (16, "##paidend##")]
    first = site_copy.outline[0].children[0]
    assert first.text == "调解工作的精准度不够。对矛盾纠纷的类型分析不深，调解方案缺少针对性。"


def test_a_line_giving_the_edit_password_is_removed(site_copy):
    assert found(site_copy, "password") == [(15, "本文档编辑密码：abc123")]


def test_site_watermarks_and_download_notices_are_removed(site_copy):
    assert [line for line, _ in found(site_copy, "watermark")] == [2, 14]


def test_page_number_lines_of_every_style_are_removed(site_copy):
    assert found(site_copy, "page_number") == [(5, "- 3 -"), (10, "第 2 页 共 5 页"), (13, "— 4 —")]


def test_a_run_of_empty_lines_is_reported_once(site_copy):
    assert found(site_copy, "blank_lines") == [(7, "")]


def test_nothing_of_the_debris_stays_in_the_outline(site_copy):
    texts = " ".join(node.text for node in site_copy.outline)
    assert "##" not in texts and "密码" not in texts and "公众号" not in texts


def test_every_warning_says_in_chinese_what_was_done(site_copy):
    assert all("段" in warning.message for warning in site_copy.warnings)


def test_content_that_mentions_a_site_word_is_kept():
    document = read_text(
        "一、存在的问题\n（三）对政务公众号的管理不严。\n（四）群众反映下载办事指南不便，窗口服务有待改进，需要进一步优化流程。\n"
    )
    assert len(document.outline[0].children) == 2
    assert document.warnings == []
