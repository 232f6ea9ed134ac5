"""Word paragraph styles, for what they say about structure: headings and the title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from zhenggai.reader.ooxml import W, to_int, val

# Word writes the English names even in a Chinese Word; WPS and hand-made files may not.
_HEADING = re.compile(r"(?:heading|标题)\s*([1-9])")
_TITLES = {"title", "标题"}
_MAX_CHAIN = 16


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int | None


class Styles:
    def __init__(self, styles: dict[str, _Style], default: str | None):
        self._styles = styles
        self.default = default

    @classmethod
    def parse(cls, root: ET.Element | None) -> Styles:
        styles, default = {}, None
        for element in [] if root is None else root.iter(f"{W}style"):
            if element.get(f"{W}type", "paragraph") != "paragraph":
                continue
            style_id = element.get(f"{W}styleId", "")
            if element.get(f"{W}default") in ("1", "true"):
                default = style_id
            p_pr = element.find(f"{W}pPr")
            num_pr = None if p_pr is None else p_pr.find(f"{W}numPr")
            styles[style_id] = _Style(
                name=(val(element.find(f"{W}name")) or "").strip().lower(),
                based_on=val(element.find(f"{W}basedOn")),
                outline_level=outline_level(p_pr),
                num_id=None if num_pr is None else val(num_pr.find(f"{W}numId")),
                ilvl=None if num_pr is None else to_int(val(num_pr.find(f"{W}ilvl")), None),
            )
        return cls(styles, default)

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            match = _HEADING.fullmatch(style.name)
            if match:
                return int(match[1])
            if style.outline_level is not None:
                return style.outline_level
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any(style.name in _TITLES for style in self._chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None


def outline_level(p_pr: ET.Element | None) -> int | None:
    """A paragraph's outline level, 1-based; Word's 9 (0-based) means body text."""
    if p_pr is None:
        return None
    level = to_int(val(p_pr.find(f"{W}outlineLvl")), None)
    return level + 1 if level is not None and 0 <= level < 9 else None
