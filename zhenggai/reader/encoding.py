"""Which encoding a plain-text upload uses. Offices send UTF-8 (with or without the BOM Windows
Notepad adds), GBK or GB18030 from older Chinese Windows, UTF-16 from "Unicode" saves, and
Big5 from traditional-Chinese Windows."""

import codecs
import re

import charset_normalizer

from zhenggai.reader.errors import ReaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Text never holds C0 controls other than tab, newlines and page breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
# What Chinese documents are written in: ASCII, CJK ideographs and their punctuation,
# full-width forms, quotes and dashes, circled numbers.
_UNUSUAL = re.compile(
    "[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u27bf\u3000-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_SAMPLE = 100_000


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], name.removesuffix("-sig"))
            if text is not None:
                return text, name
    # Short GBK text can be valid UTF-8 too (一 is D2 BB, which UTF-8 reads as һ): of the
    # encodings that decode, the one reading as Chinese wins.
    best: tuple[float, str, str] | None = None
    # Big5 comes last: short GBK text often decodes as Big5 too, while Big5 text rarely
    # decodes as GBK; without it, a short Big5 text was taken for Korean or UTF-16.
    for candidate in (_utf16_without_bom(data), "utf-8", "gbk", "gb18030", "big5"):
        text = _strict(data, candidate) if candidate else None
        if candidate and text is not None and _looks_like_text(text):
            share = _usual_share(text)
            if best is None or share > best[0]:
                best = (share, text, candidate)
            if share == 1.0:
                break
    if best is not None:
        return best[1], best[2]
    guess = charset_normalizer.from_bytes(data[: 4 * _SAMPLE]).best()
    if guess is not None:
        text = _strict(data, guess.encoding)
        if text is not None and _looks_like_text(text):
            return text, guess.encoding
    raise ReaderError(
        "无法识别该文本文件的编码，或者它不是文本文件。"
        "请另存为 UTF-8 或 GBK 编码的文本，或上传 Word（.docx）文档。"
    )


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        # A file cut off in the middle of its last character is still that encoding.
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            return _strict(data[: error.start], name)
        return None
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-8 and GBK text never holds a zero byte; UTF-16 almost always does (every ASCII
    character and newline). The byte order is the one that reads as Chinese or ASCII."""
    sample = data[: 2 * 4096]
    if b"\x00" not in sample or len(data) % 2:
        return None
    best, best_share = None, 0.9
    for name in ("utf-16-le", "utf-16-be"):
        text = sample.decode(name, errors="replace")
        if text:
            share = _usual_share(text)
            if share > best_share:
                best, best_share = name, share
    return best


def _usual_share(text: str) -> float:
    sample = text[:_SAMPLE]
    return 1 - len(_UNUSUAL.findall(sample)) / max(len(sample), 1)


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) <= len(sample) // 100
