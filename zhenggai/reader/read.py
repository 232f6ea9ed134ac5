"""Reading a document: from a path or bytes to a ParsedDocument, or a ReaderError."""

from pathlib import Path

from zhenggai.reader.debris import remove_debris
from zhenggai.reader.docx_file import read_docx
from zhenggai.reader.encoding import decode
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.genre import decide_genre
from zhenggai.reader.glyphs import fix_lookalikes
from zhenggai.reader.kinds import assign_kinds
from zhenggai.reader.legacy import convert_legacy
from zhenggai.reader.limits import DEFAULT_LIMITS, MIB, Limits
from zhenggai.reader.model import Format, Paragraph, ParsedDocument, ReadWarning
from zhenggai.reader.outline import build_outline
from zhenggai.reader.pdf_file import read_pdf
from zhenggai.reader.placeholders import find_placeholders
from zhenggai.reader.sniff import sniff
from zhenggai.reader.text_file import text_paragraphs
from zhenggai.reader.title import split_title
from zhenggai.reader.wrap import join_broken_lines
from zhenggai.reader.xlsx_file import read_xlsx


def read_file(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    path = Path(path)
    try:
        if not path.is_file():
            raise ReaderError(f"找不到文件：{path}")
        if path.stat().st_size > limits.max_file_bytes:
            raise _too_big(limits)
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"无法读取文件：{path}") from error
    return read_bytes(data, str(path), limits=limits)


def read_bytes(
    data: bytes, filename: str = "", *, limits: Limits = DEFAULT_LIMITS
) -> ParsedDocument:
    if len(data) > limits.max_file_bytes:
        raise _too_big(limits)
    if not data.strip():
        raise ReaderError("文件是空的。")
    kind = sniff(data, filename, limits)
    notes = []
    if kind in ("doc", "xls"):
        data, kind = convert_legacy(data, kind, limits)
        notes.append(
            ReadWarning("converted", "旧版格式的文件已自动转换后读取，请核对内容", None, "")
        )
    if kind == "xlsx":
        ledger = read_xlsx(data, limits)
        warnings = _capped(notes + ledger.warnings, limits)
        return ParsedDocument(filename, "xlsx", None, ledger.title, warnings, [], ledger.rows)
    if kind == "txt":
        text, encoding = decode(data)
        return _understand(filename, "txt", encoding, text_paragraphs(text), notes, limits)
    if kind == "docx":
        word = read_docx(data, limits)
        document = _understand(
            filename, "docx", None, word.paragraphs, notes + word.warnings, limits
        )
        document.rows = word.rows
        return document
    paragraphs, pdf_notes = read_pdf(data, limits)
    return _understand(filename, "pdf", None, paragraphs, notes + pdf_notes, limits)


def _understand(
    filename: str,
    kind: Format,
    encoding: str | None,
    paragraphs: list[Paragraph],
    notes: list[ReadWarning],
    limits: Limits,
) -> ParsedDocument:
    paragraphs, lookalikes = fix_lookalikes(paragraphs)
    paragraphs, debris = remove_debris(paragraphs)
    if kind == "txt":
        paragraphs, joined = join_broken_lines(paragraphs)
        debris += joined
    title, body = split_title(paragraphs)
    kept = {id(paragraph) for paragraph in body}
    title_line = next((p.line for p in paragraphs if id(p) not in kept), None)
    genre, evidence = decide_genre(title, title_line, body)
    outline, outline_notes = build_outline(body, limits.max_depth)
    assign_kinds(outline, genre)
    warnings = (
        notes
        + lookalikes
        + debris
        + find_placeholders(paragraphs, limits.max_warnings_per_code)
        + outline_notes
    )
    warnings.sort(key=lambda warning: warning.line or 0)
    return ParsedDocument(
        filename, kind, encoding, title, _capped(warnings, limits), outline, None, genre, evidence
    )


def _capped(warnings: list[ReadWarning], limits: Limits) -> list[ReadWarning]:
    """At most so many warnings of one kind, and a line saying how many more there were.
    Lines that already sum up (they have no paragraph) are kept as they are."""
    counts: dict[str, int] = {}
    kept = []
    for warning in warnings:
        if warning.line is None:
            kept.append(warning)
            continue
        counts[warning.code] = counts.get(warning.code, 0) + 1
        if counts[warning.code] <= limits.max_warnings_per_code:
            kept.append(warning)
    for code, count in counts.items():
        extra = count - limits.max_warnings_per_code
        if extra > 0:
            kept.append(ReadWarning(code, f"另有 {extra} 处同类问题未逐一列出", None, ""))
    return kept


def _too_big(limits: Limits) -> ReaderError:
    return ReaderError(f"文件超过 {limits.max_file_bytes // MIB} MB 的上限，无法读取。")
