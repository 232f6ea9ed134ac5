"""The official document format (GB/T 9704-2012) on python-docx: A4 with the standard margins,
the standard fonts and sizes with East Asian fallbacks, 22 pt fixed line spacing on a grid of
28 characters a line, page numbers "— 1 —" at the outer edges, dates as 2023年11月24日, and
the signature block. Every document of the writer is set through here."""

import contextlib
import copy
import datetime
import io
from collections.abc import Callable

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from zhenggai.writer.model import Block, Style

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
LINE = Pt(22)
TITLE_LINE = Pt(35)
CHARS_PER_LINE = 28
# 28 三号 characters (448 pt) fit the 442 pt line at 98 % width.
CHARACTER_SCALE = 98
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LATIN = "Times New Roman"
TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT, PAGE_FONT = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "宋体",
)
# Where the official fonts are not installed, Word and WPS take the alternative a font table
# names; these come with every Chinese Windows.
FALLBACKS = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    H2_FONT: "楷体",
    H1_FONT: "SimHei",
    PAGE_FONT: "SimSun",
}
# (East Asian font, size, bold) per style.
FONTS: dict[Style, tuple[str, Pt, bool]] = {
    "title": (TITLE_FONT, TITLE_SIZE, False),
    "subtitle": (H2_FONT, BODY_SIZE, False),
    "h1": (H1_FONT, BODY_SIZE, False),
    "h2": (H2_FONT, BODY_SIZE, False),
    "h3": (BODY_FONT, BODY_SIZE, True),
    "body": (BODY_FONT, BODY_SIZE, False),
    "addressee": (BODY_FONT, BODY_SIZE, False),
    "note": (BODY_FONT, BODY_SIZE, False),
    "signer": (BODY_FONT, BODY_SIZE, False),
    "date": (BODY_FONT, BODY_SIZE, False),
}
# Word's outline levels, for its navigation pane; the title keeps Normal (Word's Title style
# draws a rule under it).
HEADING_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3"}
# 成文日期右空四字; the signer is centred over the date.
DATE_RIGHT_CHARS = 4
BODY_INDENT_CHARS = 2
# Where a template marks the place of the text; without it the text follows the template's.
ANCHOR = "{{正文}}"


def format_date(day: datetime.date) -> str:
    """2023年11月24日: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def chars_wide(text: str) -> float:
    """Width in full-width characters: a Latin letter or digit is half of one."""
    return sum(0.5 if char.isascii() else 1.0 for char in text)


# Fonts


def set_fonts(element, east_asian: str, latin: str = LATIN) -> None:
    """Name the fonts of a run or style properties element (w:rPr), East Asian and Latin, and
    drop theme fonts, which would override them."""
    fonts = element.get_or_add_rFonts()
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _style_run(run, style: Style) -> None:
    font, size, bold = FONTS[style]
    properties = run._r.get_or_add_rPr()
    set_fonts(properties, font)
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    if size == BODY_SIZE:
        _condense(properties)
    _chinese(properties)


def _condense(properties) -> None:
    """28 三号 characters fill the 156 mm line only when each is a little narrower. Scaled, not
    spaced closer: LibreOffice drops a full stop that hangs past the margin at the end of a
    justified line whose characters are spaced closer. (A character grid would do the same in
    Word but spreads the text in LibreOffice.)"""
    _child(properties, "w:w", _AFTER_SCALE).set(qn("w:val"), str(CHARACTER_SCALE))


def _chinese(properties) -> None:
    """Marked as Chinese, so that a CJK font collection is read in its Simplified face."""
    _child(properties, "w:lang", _AFTER_LANG).set(qn("w:eastAsia"), "zh-CN")


# What follows w:w and w:lang in a run's properties: Word wants the schema's order.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_SCALE = (
    *("w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr"),
    *("w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", *_AFTER_LANG),
)


def _child(properties, tag: str, successors: tuple[str, ...]):
    found = properties.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        properties.insert_element_before(found, *successors)
    return found


def name_fallbacks(document: DocxDocument) -> None:
    """Each official font in the font table, with its alternative and the GB2312 character set,
    so that a machine without it picks a Chinese font of the same kind."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE),
        None,
    )
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for name, alternative in FALLBACKS.items():
        font = next((f for f in root.iter(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if font is None:
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
        for child in list(font):
            font.remove(child)
        for tag, value in (("altName", alternative), ("charset", "86"), ("family", "auto")):
            etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), value)
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_defaults(document: DocxDocument) -> None:
    """The styles a reader's edits start from: 仿宋 三号 at 22 pt, Chinese language."""
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = BODY_SIZE
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE
    normal.paragraph_format.space_after = Pt(0)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is not None:
        set_fonts(properties, BODY_FONT)
        _chinese(properties)
    for style_name in HEADING_STYLES.values():
        if style_name in [s.name for s in document.styles]:
            style = document.styles[style_name]
            style.font.color.rgb = RGBColor(0, 0, 0)


# Page


def setup_pages(document: DocxDocument) -> None:
    for section in document.sections:
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
        section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
        section.header_distance = Mm(15)
        section.footer_distance = Mm(23)
        _set_grid(section)


def _set_grid(section) -> None:
    """No document grid: lines follow their exact 22 pt, 28 to the 225 mm of text height.
    (LibreOffice snaps a CJK line taller than the grid's pitch to two grid lines.)"""
    properties = section._sectPr
    grid = properties.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        properties.append(grid)
    grid.attrib.pop(qn("w:charSpace"), None)
    grid.attrib.pop(qn("w:type"), None)
    grid.set(qn("w:linePitch"), str(int(LINE.pt * 20)))


def add_page_numbers(document: DocxDocument) -> None:
    """ "— 1 —" in 宋体 四号, one character in from the outer edge: right on odd pages, left on
    even ones."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
            paragraph.alignment = align
            form = paragraph.paragraph_format
            form.first_line_indent = Pt(0)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                form.right_indent = PAGE_NUMBER_SIZE
            else:
                form.left_indent = PAGE_NUMBER_SIZE
            _page_number_run(paragraph, "— ")
            _page_field(paragraph)
            _page_number_run(paragraph, " —")


def _page_number_run(paragraph: Paragraph, text: str):
    run = paragraph.add_run(text)
    set_fonts(run._r.get_or_add_rPr(), PAGE_FONT, PAGE_FONT)
    run.font.size = PAGE_NUMBER_SIZE
    return run


def _page_field(paragraph: Paragraph) -> None:
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        run = _page_number_run(paragraph, "")
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if kind == "separate":
            _page_number_run(paragraph, "1")


# Blocks


def add_blocks(add_paragraph: Callable[[], Paragraph], blocks: list[Block]) -> None:
    made: dict[tuple, BaseOxmlElement] = {}
    previous_blocks, following_blocks = [None, *blocks[:-1]], [*blocks[1:], None]
    for previous, block, following in zip(previous_blocks, blocks, following_blocks, strict=True):
        paragraph = add_block(add_paragraph, block, made)
        form = paragraph.paragraph_format
        if following is not None and following.outside and not block.outside:
            # The last lines of the text go over a page break with the closing words, so that
            # no page holds the signature alone.
            form.keep_with_next = True
        if block.style == "signer" and previous is not None and previous.style == "signer":
            # One room for the seal, above the first signer.
            form.space_before = Pt(0)


def add_block(
    add_paragraph: Callable[[], Paragraph], block: Block, made: dict | None = None
) -> Paragraph:
    """One paragraph. Each kind of paragraph and run is set once through python-docx, which
    takes about a millisecond a property, and then copied from the properties it made (`made`):
    a report over a thousand problems has 10,000 paragraphs."""
    made = {} if made is None else made
    paragraph = add_paragraph()
    key = _format_key(block)
    if key in made:
        paragraph._p.insert(0, copy.deepcopy(made[key]))
    else:
        style_name = HEADING_STYLES.get(block.style)
        if style_name:
            # A template may lack the built-in heading styles.
            with contextlib.suppress(KeyError):
                paragraph.style = style_name
        _format(paragraph, block)
        made[key] = copy.deepcopy(paragraph._p.get_or_add_pPr())
    if block.lead:
        _add_run(paragraph, block.lead, block.lead_style, made)
    if block.style == "title":
        for number, line in enumerate(title_lines(block.text)):
            run = _add_run(paragraph, line, "title", made)
            if number:
                run.find(qn("w:t")).addprevious(OxmlElement("w:br"))
    elif block.text:
        _add_run(paragraph, block.text, block.style, made)
    return paragraph


def _format_key(block: Block) -> tuple:
    """What a paragraph's properties depend on."""
    right = _right_chars(block) if block.style in ("signer", "date") else 0.0
    return ("paragraph", block.style, block.outside, block.text.endswith("。"), right)


def _add_run(paragraph: Paragraph, text: str, style: Style, made: dict) -> BaseOxmlElement:
    if any(char in text for char in "\t\n\r"):
        # Tabs and line breaks become elements of their own: python-docx knows how.
        run = paragraph.add_run(text)._r
    else:
        run = OxmlElement("w:r")
        typed = OxmlElement("w:t")
        typed.text = text
        if text != text.strip():
            typed.set(qn("xml:space"), "preserve")
        run.append(typed)
        paragraph._p.append(run)
    key = ("run", style)
    if key in made:
        run.insert(0, copy.deepcopy(made[key]))
    else:
        _style_run(Run(run, paragraph), style)
        made[key] = copy.deepcopy(run.rPr)
    return run


def title_lines(title: str) -> list[str]:
    """A title too long for one line, broken between words (after 的, 同志, 委员会, 巡视组 …,
    before 关于) into lines as even as that allows, the longer first; only where no such place
    fits is a line broken at its even length."""
    width = int((PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]) / TITLE_SIZE)
    count = -(-len(title) // width)
    lines, start = [], 0
    for left in range(count, 1, -1):
        even = start + -(-(len(title) - start) // left)
        # The rest must still fit the lines left.
        lowest = max(start + 1, len(title) - width * (left - 1))
        highest = min(start + width, len(title) - 1)
        places = [at for at in range(lowest, highest + 1) if _between_words(title, at)]
        end = min(places, key=lambda at: (abs(at - even), -at)) if places else even
        lines.append(title[start:end])
        start = end
    return [*lines, title[start:]]


_WORD_ENDS = ("的", "同志", "委员会", "巡视组", "巡察组", "生活会", "党组", "办公室", "局", "院")
# 党组织, 巡视组长, 委员会议: where the word goes on.
_WORD_GOES_ON = "织长员议"


def _between_words(title: str, at: int) -> bool:
    if title.startswith("关于", at):
        return True
    return title[:at].endswith(_WORD_ENDS) and title[at] not in _WORD_GOES_ON


def _format(paragraph: Paragraph, block: Block) -> None:
    form = paragraph.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = TITLE_LINE if block.style == "title" else LINE
    form.widow_control = True
    form.left_indent = form.right_indent = Pt(0)
    form.first_line_indent = Pt(0)
    if block.style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        form.space_after = LINE  # 标题下空一行
    elif block.style == "subtitle":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        form.space_after = LINE
    elif block.style == "addressee":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    elif block.style in ("signer", "date"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        form.right_indent = Pt(BODY_SIZE.pt * _right_chars(block))
        if block.style == "signer":
            form.space_before = Pt(LINE.pt * 2)  # room for the seal
            form.keep_with_next = True
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        form.first_line_indent = Pt(BODY_SIZE.pt * BODY_INDENT_CHARS)
        _indent_in_chars(paragraph, BODY_INDENT_CHARS)
        if block.style in ("h1", "h2", "h3") and not block.text.endswith("。"):
            form.keep_with_next = True
    if block.outside and block.style != "date":
        # Closing words, signer and date go over a page break together.
        form.keep_with_next = True


def _right_chars(block: Block) -> float:
    """The date sits four characters in from the right; the signer is centred over it."""
    if block.style == "date":
        return DATE_RIGHT_CHARS
    date_width = chars_wide(format_date(datetime.date(2000, 10, 10)))
    return max(0.0, DATE_RIGHT_CHARS + (date_width - chars_wide(block.text)) / 2)


def _indent_in_chars(paragraph: Paragraph, chars: int) -> None:
    """Also in characters, so Word and WPS keep two characters when the font size changes."""
    properties = paragraph._p.get_or_add_pPr()
    indent = properties.find(qn("w:ind"))
    if indent is None:
        indent = OxmlElement("w:ind")
        properties.append(indent)
    indent.set(qn("w:firstLineChars"), str(chars * 100))


# The whole document


def open_template(template: bytes | None) -> tuple[DocxDocument, Callable[[], Paragraph]]:
    """A document to write into and the function that adds a paragraph where the text goes:
    at the template's {{正文}} mark, else after whatever the template holds."""
    document = open_docx(io.BytesIO(template)) if template else open_docx()
    anchor = next((p for p in document.paragraphs if p.text.strip() == ANCHOR), None)
    if anchor is not None:
        return document, anchor.insert_paragraph_before
    body = document.element.body
    # The body ends with the section's properties; python-docx would look for them anew for
    # each paragraph it adds.
    end = body.find(qn("w:sectPr"))

    def at_end() -> Paragraph:
        paragraph = OxmlElement("w:p")
        if end is None:
            body.append(paragraph)
        else:
            end.addprevious(paragraph)
        return Paragraph(paragraph, document._body)

    return document, at_end


def remove_anchor(document: DocxDocument) -> None:
    for paragraph in document.paragraphs:
        if paragraph.text.strip() == ANCHOR:
            paragraph._p.getparent().remove(paragraph._p)


def finish(document: DocxDocument, title: str, own_page_setup: bool) -> bytes:
    remove_anchor(document)
    _set_defaults(document)
    if own_page_setup:
        setup_pages(document)
    add_page_numbers(document)
    name_fallbacks(document)
    document.core_properties.title = title
    document.core_properties.language = "zh-CN"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
