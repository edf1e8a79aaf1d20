"""Label schemes of operative paragraphs and sub-items: successors and conversions."""

from __future__ import annotations

import re

_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_VALUES = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
CJK_DIGITS = "一二三四五六七八九"
CJK_NUMERALS = "〇零一二三四五六七八九十百"


def is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN.match(text.lower()))


def int_to_roman(n: int) -> str:
    out = []
    for value, numeral in _VALUES:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def roman_to_int(text: str) -> int:
    total, i, text = 0, 0, text.lower()
    for value, numeral in _VALUES:
        while text.startswith(numeral, i):
            total += value
            i += len(numeral)
    return total


def roman_successor(text: str) -> str:
    return int_to_roman(roman_to_int(text) + 1)


def alpha_successor(text: str) -> str:
    """a -> b, z -> aa, aa -> bb (the UN doubles the letter after z)."""
    if text[-1] == "z":
        return "a" * (len(text) + 1)
    return chr(ord(text[0]) + 1) * len(text)


def section_key(label: str) -> str:
    """The language-independent key of a section label: 二 and II are both "II"."""
    label = label.strip().rstrip(".、")
    if label and all(ch in CJK_NUMERALS for ch in label):
        return int_to_roman(cjk_to_int(label)).upper()
    return label


def cjk_to_int(text: str) -> int:
    """一 -> 1, 十三 -> 13, 二十 -> 20, 七十六 -> 76."""
    digits = {c: i + 1 for i, c in enumerate(CJK_DIGITS)}
    digits["〇"] = digits["零"] = 0
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += max(current, 1) * 100
            current = 0
        elif ch == "十":
            total += max(current, 1) * 10
            current = 0
        else:
            current = digits.get(ch, 0)
    return total + current


def int_to_cjk(n: int) -> str:
    """1 -> 一, 13 -> 十三, 20 -> 二十, 76 -> 七十六 (up to 99)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CJK_DIGITS[tens - 1] + "十")
    return head + (CJK_DIGITS[units - 1] if units else "")


# how a label of each scheme is printed (see Language.item_schemes), from its key
_SCHEME_FORMS: dict[str, tuple[str, str]] = {
    "alpha": (r"\([a-z]{1,2}\)", "({})"),
    "roman": (r"\([ivxlc]+\)", "({})"),
    "cjk": (rf"\([{CJK_NUMERALS}]+\)|[㈠-㈩]", "({})"),  # ㈠: (一) as one character, from some PDFs
    "alpha_dot": (r"[a-z]{1,2}\.", "{}."),
    "roman_dot": (r"[ivxlc]+\.", "{}."),
}


def first_key(scheme: str) -> str:
    return "i" if scheme in ("roman", "cjk", "roman_dot") else "a"


def scheme_label(scheme: str, key: str) -> str:
    """The label of ``key`` printed in ``scheme``: ("cjk", "iii") -> "(三)"."""
    shown = int_to_cjk(roman_to_int(key)) if scheme == "cjk" else key
    return _SCHEME_FORMS[scheme][1].format(shown)


def in_scheme(label: str, scheme: str) -> bool:
    """Is ``label`` printed the way ``scheme`` prints labels?"""
    return bool(re.fullmatch(_SCHEME_FORMS[scheme][0], label))


def next_key(key: str, scheme: str) -> str:
    return roman_successor(key) if scheme in ("roman", "cjk", "roman_dot") else alpha_successor(key)
