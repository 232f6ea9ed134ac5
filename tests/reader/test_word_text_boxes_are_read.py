"""Text in a Word text box (a boxed heading, a note beside the text) is read once, after the
paragraph it is anchored in, although Word stores it twice."""

from tests.reader.builders import docx, p
from tests.reader.reading import nodes
from zhenggai.reader import read_bytes

WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def boxed(*lines: str) -> str:
    content = "<w:txbxContent>" + "".join(p(line) for line in lines) + "</w:txbxContent>"
    return (
        f"<w:p><w:r><mc:AlternateContent {MC}>"
        f'<mc:Choice Requires="wps"><wps:txbx {WPS}>{content}</wps:txbx></mc:Choice>'
        f"<mc:Fallback>{content}</mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )


def test_a_text_boxs_paragraphs_are_read_once_in_place():
    document = read_bytes(
        docx(p("某局巡察整改发言提纲"), boxed("一、存在的问题", "学习不深。"), p("二、整改措施")),
        "文本框.docx",
    )
    assert [node.marker for node in nodes(document)] == ["一、", "二、"]
    assert document.outline[0].text == "存在的问题\n学习不深。"
