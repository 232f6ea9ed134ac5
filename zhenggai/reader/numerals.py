"""Numbers written the ways Chinese documents write them, in both directions."""

DIGITS = "〇一二三四五六七八九"
LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_UNITS = {"十": 10, "百": 100, "千": 1000}
_DIGIT_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"零": 0, "两": 2}


def chinese_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103; None when it is not a number."""
    if not text:
        return None
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in _DIGIT_VALUES:
            if digit is not None and digit != 0:
                return None
            digit = _DIGIT_VALUES[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            # Units fall (千 > 百 > 十); only a leading 十 may stand without its digit.
            if unit >= last_unit or digit == 0 or (digit is None and total):
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def counting(n: int, digits: str = DIGITS, units: str = "十百千") -> str:
    """1..9999 in the counting system: 十一, 二十, 一百零一. Others in decimal."""
    if not 0 < n < 10000:
        return str(n)
    parts: list[str] = []
    pending_zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(digits[0] if digits[0] != "〇" else "零")
            pending_zero = False
        # 十一, not 一十一, when ten is the leading unit.
        if not (power == 10 and digit == 1 and not parts and digits is DIGITS):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def digit_by_digit(n: int) -> str:
    """2024 → 二〇二四."""
    return "".join(DIGITS[int(d)] for d in str(n))


def circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def letters(n: int) -> str:
    """Word's letter numbering: A … Z, AA, BB … (the letter repeats, it does not carry)."""
    if n < 1:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def cyclic(n: int, symbols: str) -> str:
    """甲乙丙丁… and 子丑寅卯… run out; past their end Word falls back to digits."""
    return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


def fullwidth(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
