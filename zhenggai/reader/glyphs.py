"""Look-alike characters that text copied out of PDFs carries: Kangxi radicals such as ⼀ ⼯
⻓ ⻅ standing for 一 工 长 见. They read the same but match nothing, so they are replaced
by the characters they stand for."""

import re
import unicodedata
from dataclasses import replace

from zhenggai.reader.model import Paragraph, ReadWarning

_SUPPLEMENT = dict(
    zip(
        "⺠⺰⻄⻅⻆⻈⻉⻋⻌⻐⻓⻔⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰",
        "民纟西见角讠贝车辶钅长门韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙",
        strict=True,
    )
)
# Kangxi radicals and compatibility ideographs have standard equivalents (NFKC).
_STANDARD = {
    chr(code): unicodedata.normalize("NFKC", chr(code))
    for code in [*range(0x2F00, 0x2FD6), *range(0x2E80, 0x2EF4), *range(0xF900, 0xFB00)]
}
TABLE = str.maketrans(
    {char: same for char, same in _STANDARD.items() if len(same) == 1 and same != char}
    | _SUPPLEMENT
)


# Translating is slow on CJK text and most paragraphs have nothing to translate.
_ANY = re.compile(f"[{''.join(sorted(chr(code) for code in TABLE))}]")


def fix_lookalikes(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ReadWarning]]:
    fixed = [
        replace(p, text=p.text.translate(TABLE)) if _ANY.search(p.text) else p for p in paragraphs
    ]
    changed = [p.line for p, f in zip(paragraphs, fixed, strict=True) if p is not f]
    if not changed:
        return fixed, []
    message = (
        f"第 {changed[0]} 段等 {len(changed)} 段含有部首等形近字符（常见于从 PDF 复制的文字），"
        "已替换为对应的汉字"
    )
    return fixed, [ReadWarning("lookalike_characters", message, changed[0], "")]
