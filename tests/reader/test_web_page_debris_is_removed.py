"""A page copied from a government site or a document site: its header, footer and links go,
with a warning each, and the headings inside them are no items."""

from tests.reader.reading import codes, outline_of, read_text

PAGE = """当前位置：首页 > 巡察工作 > 整改动态
某县司法局党组关于巡察整改情况的通报
发布时间：2023-05-04  来源：县司法局
浏览次数：1024
【字体：大 中 小】 打印本页 关闭窗口
**一、整改工作总体情况**
收到反馈意见后，局党组已召开专题会议研究部署。
**二、具体问题整改情况**
（一）关于理论学习不深入的问题。已制定学习计划。
分享到： 微信 微博
上一篇：关于开展安全检查的通知
"""

DOC_SITE = """某局巡察整改工作方案_第1页
某局巡察整改工作方案_第2页
已阅读2页,还剩9页未读 继续免费阅读
下载本文档
版权说明:本文档由用户提供并上传,若内容存在侵权,请进行举报
文档简介
一、总体要求
二、整改任务
"""


def test_metadata_paths_and_links_are_dropped_and_reported():
    document = read_text(PAGE)
    assert codes(document).count("web_page") >= 5
    assert [node.title for node in document.outline] == ["整改工作总体情况", "具体问题整改情况"]


def test_bold_marks_around_a_heading_no_longer_hide_its_marker():
    assert outline_of(PAGE)[0] == (1, "一、", "整改工作总体情况")


def test_a_document_sites_page_tabs_and_notices_go_and_the_outline_stays():
    document = read_text(DOC_SITE)
    assert [node.marker for node in document.outline] == ["一、", "二、"]
    assert codes(document).count("watermark") >= 5


def test_a_page_chunk_number_before_words_that_go_on_is_dropped():
    first = "按照巡察工作安排，" + "巡察组对各单位开展常规巡察并逐项反馈发现的问题" * 8
    second = "2、的要求抓好整改，" + "各单位要对照问题清单逐项销号并建立长效机制" * 8
    text = f"{first}\n{second}。\n"
    document = read_text(text)
    assert document.outline == []
    assert "page_chunk" in codes(document)
