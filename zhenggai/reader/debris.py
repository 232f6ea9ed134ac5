"""Debris that copies from web pages, document sites and page layout leave in a text: paywall
markers, edit passwords, watermarks and download notices, page numbers and page-chunk numbers,
a page's metadata (发布时间, 来源, 浏览次数), its path and its share and print links, markdown
bold around a line, runs of empty lines. Each is removed and reported, so a person can see
what was dropped and where."""

import re
from dataclasses import replace

from zhenggai.reader.markers import recognize
from zhenggai.reader.model import Paragraph, ReadWarning

PAYWALL = re.compile(r"##\s*[A-Za-z_]{2,20}\s*##")
_PASSWORD = re.compile(r"(?:编辑|打开|修改|解压|文档|下载|阅读)?密[码碼]\s*(?:是|为|為)?\s*[:：]")
_PAGE_NUMBER = re.compile(
    r"""[—–\-－─~～]+\s*\d{1,4}\s*[—–\-－─~～]+
    |第\s*\d{1,4}\s*页\s*(?:[,，/／]?\s*共\s*\d{1,4}\s*页)?
    |共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页
    |\d{1,4}\s*[/／]\s*\d{1,4}
    |(?i:page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)
    |\d{1,4}""",
    re.X,
)
_WATERMARK = re.compile(
    r"""https?://|www\.[\w-]+\.[a-z]{2,}
    |已阅读\d*页|还剩\d+页|继续(?:免费)?阅读|下载本文档|版权说明|文档简介|_第\s*\d+\s*页$
    |(?:免费|点击)下载|下载(?:后|即可|地址|本文|全文)|付费(?:阅读|下载|内容|文档)|VIP|会员(?:专享|免费)
    |原创不易|版权所有|如有侵权|仅供(?:参考|学习|交流)|可(?:自由|任意)?编辑|可复制
    |公众号|扫码|关注我们|更多.{0,8}(?:范文|资料|文章|精彩)|文库|范文网|写作网|秘书网|材料网""",
    re.X | re.I,
)
# A web page's header and footer: metadata, the path to the page, links to share or print it.
_METADATA = re.compile(
    r"""\s*(?:发布时间|发布日期|发文日期|成文日期|来源|信息来源|文章来源|浏览次数|阅读次数|浏览量|点击数
    |访问量|作者|责任编辑|编辑|审核|字号|更新时间|索引号|信息索引号|文件名称|发布机构|公开方式
    |所属栏目|主题分类|文号|发文机关|分享到|【字体)\s*[:：]""",
    re.X,
)
_SITE_WORDS = re.compile(
    r"""(?:[\s|｜/【】\[\]·•]*(?:分享|分享到|朗读|打印|关闭|收藏|返回顶部|扫一扫|微信|微博|QQ空间
    |字号|大|中|小|默认|上一篇|下一篇|打印本页|关闭窗口|保存|纠错|首页|当前位置[:：]?|>|»|›))+[\s|｜]*""",
    re.X,
)
_PATH = re.compile(r"\s*(?:当前位置[:：]?\s*)?首\s*页\s*[>»›]")
# Markdown bold around a line (**一、……**) hides the marker it starts with.
_BOLD_EDGES = re.compile(r"^\*\*|\*\*$")
# A watermark or a notice is a short line of its own; a long paragraph mentioning 下载 is content.
_SHORT = 60
BLANK_RUN = 3


# A document site splits a text into pages and numbers them "1、" "2、": the number stands
# before words that go on from the page before (一个 page ends mid-sentence) or before a figure.
_PAGE_CHUNK = re.compile(r"\d{1,2}、\s*(?=\d|[的了和与及并或而但地得着过之])")
_CHUNK_MIN = 150
_ENDED = tuple("。！？!?；;：:”」』）)")


def _page_chunk(paragraph: Paragraph, before: Paragraph | None) -> re.Match[str] | None:
    if len(paragraph.text) < _CHUNK_MIN or paragraph.table_row:
        return None
    found = _PAGE_CHUNK.match(paragraph.text)
    if found:
        return found
    cut_off = before is not None and len(before.text) >= _CHUNK_MIN
    if cut_off and before is not None and not before.text.endswith(_ENDED):
        return re.match(r"\d{1,2}、\s*", paragraph.text)
    return None


def remove_debris(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ReadWarning]]:
    kept: list[Paragraph] = []
    warnings: list[ReadWarning] = []
    blank_run: list[Paragraph] = []
    for paragraph in paragraphs:
        if not paragraph.text.strip():
            blank_run.append(paragraph)
            continue
        warnings.extend(_blank_lines(blank_run))
        blank_run = []
        cleaned = _without_paywall_markers(paragraph, warnings)
        if "*" in cleaned.text:
            cleaned = replace(cleaned, text=_BOLD_EDGES.sub("", cleaned.text.strip()).strip())
        chunk = _page_chunk(cleaned, kept[-1] if kept else None)
        if chunk:
            line = cleaned.line
            message = f"第 {line} 段开头的“{chunk[0].strip()}”是文档网站的分页序号，已删除"
            warnings.append(ReadWarning("page_chunk", message, line, chunk[0].strip()))
            cleaned = replace(cleaned, text=cleaned.text[chunk.end() :])
        if cleaned.text and not _whole_line_debris(cleaned, warnings):
            kept.append(cleaned)
    warnings.extend(_blank_lines(blank_run))
    return kept, warnings


def _blank_lines(run: list[Paragraph]) -> list[ReadWarning]:
    if len(run) < BLANK_RUN:
        return []
    message = f"第 {run[0].line} 段起有 {len(run)} 个连续空行，已忽略"
    return [ReadWarning("blank_lines", message, run[0].line, "")]


def _without_paywall_markers(paragraph: Paragraph, warnings: list[ReadWarning]) -> Paragraph:
    if "#" not in paragraph.text:
        return paragraph
    for match in PAYWALL.finditer(paragraph.text):
        message = f"第 {paragraph.line} 段含网站付费标记“{match[0]}”，已删除"
        warnings.append(ReadWarning("paywall_marker", message, paragraph.line, match[0]))
    return replace(paragraph, text=PAYWALL.sub("", paragraph.text).strip())


def _whole_line_debris(paragraph: Paragraph, warnings: list[ReadWarning]) -> bool:
    text, line = paragraph.text, paragraph.line
    if paragraph.table_row or len(text) > _SHORT:
        return False
    if is_page_number(text):
        warnings.append(ReadWarning("page_number", f"第 {line} 段是页码，已删除", line, text))
        return True
    if _METADATA.match(text) or _SITE_WORDS.fullmatch(text) or _PATH.match(text):
        message = f"第 {line} 段是网页的发布信息、栏目路径或分享打印链接，已删除"
        warnings.append(ReadWarning("web_page", message, line, text))
        return True
    password = _PASSWORD.search(text)
    # A numbered line is the outline itself, even when it mentions a 公众号 or a 密码.
    if not (password or _WATERMARK.search(text)) or recognize(text):
        return False
    if password:
        warnings.append(ReadWarning("password", f"第 {line} 段是文档密码说明，已删除", line, text))
    else:
        message = f"第 {line} 段是网站水印或下载提示，已删除"
        warnings.append(ReadWarning("watermark", message, line, text))
    return True


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))
