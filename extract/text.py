"""Text normalisation shared by every name, label and item (data contract: NFKC, no whitespace,
no leading ordinal)."""

from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement look-alikes that NFKC leaves alone (it only folds the Kangxi block).
RADICAL_LOOKALIKES = str.maketrans(
    {
        "⺁": "厂",
        "⺇": "几",
        "⺈": "⺈",
        "⺊": "卜",
        "⺌": "小",
        "⺍": "⺍",
        "⺏": "尢",
        "⺐": "尢",
        "⺒": "巳",
        "⺓": "幺",
        "⺛": "旡",
        "⺟": "母",
        "⺠": "民",
        "⺡": "氵",
        "⺢": "氵",
        "⺣": "灬",
        "⺤": "爫",
        "⺥": "爫",
        "⺦": "丬",
        "⺧": "⺧",
        "⺨": "犭",
        "⺩": "王",
        "⺪": "疋",
        "⺫": "罒",
        "⺬": "示",
        "⺭": "礻",
        "⺮": "竹",
        "⺯": "糸",
        "⺰": "纟",
        "⺱": "罒",
        "⺲": "罒",
        "⺳": "网",
        "⺴": "罒",
        "⺵": "网",
        "⺶": "羊",
        "⺷": "羊",
        "⺸": "羊",
        "⺹": "耂",
        "⺺": "聿",
        "⺻": "聿",
        "⺼": "月",
        "⺽": "臼",
        "⺾": "艹",
        "⺿": "艹",
        "⻀": "艹",
        "⻁": "虎",
        "⻂": "衤",
        "⻃": "覀",
        "⻄": "西",
        "⻅": "见",
        "⻆": "角",
        "⻇": "角",
        "⻈": "讠",
        "⻉": "贝",
        "⻊": "足",
        "⻋": "车",
        "⻌": "辶",
        "⻍": "辶",
        "⻎": "辶",
        "⻏": "阝",
        "⻐": "金",
        "⻑": "長",
        "⻒": "镸",
        "⻓": "长",
        "⻔": "门",
        "⻕": "阝",
        "⻖": "阝",
        "⻗": "雨",
        "⻘": "青",
        "⻙": "韦",
        "⻚": "页",
        "⻛": "风",
        "⻜": "飞",
        "⻝": "食",
        "⻞": "食",
        "⻟": "食",
        "⻠": "饣",
        "⻡": "饣",
        "⻢": "马",
        "⻣": "骨",
        "⻤": "鬼",
        "⻥": "鱼",
        "⻦": "鸟",
        "⻧": "卤",
        "⻨": "麦",
        "⻩": "黄",
        "⻪": "黾",
        "⻫": "齐",
        "⻬": "齐",
        "⻭": "齿",
        "⻮": "齿",
        "⻯": "龙",
        "⻰": "龙",
        "⻱": "龟",
        "⻲": "龟",
        "⻳": "龟",
    }
)

_WHITESPACE = re.compile(r"\s+")
# A year written in Chinese numerals (二〇二四年, 二○二四年 with a white circle, 二零二四年, 二O二四年).
_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "O": "0", "Ｏ": "0", "o": "0"} | {
    c: str(i) for i, c in enumerate("一二三四五六七八九", start=1)
}
_CN_YEAR = re.compile(rf"[{''.join(_YEAR_DIGITS)}]{{4}}(?=\s*年)")
_CN_NUM = "一二三四五六七八九十百零〇"
# 一、 （一） (一) (1) 1. 1、 1． 其中： 第一部分 ... ; applied repeatedly (e.g. "其中：1、").
_ORDINAL = re.compile(
    rf"^(?:"
    rf"[{_CN_NUM}]+[、.．]"
    rf"|[（(][{_CN_NUM}\d]+[)）][、.．]?"
    rf"|\d+(?:[、．]|\.(?!\d))"
    rf"|其中[:：]"
    rf"|[①②③④⑤⑥⑦⑧⑨⑩]"
    rf")"
)


def arabic_years(text: str) -> str:
    """Years printed in Chinese numerals as digits (二〇二四年 → 2024年); other numerals untouched."""

    def digits(match: re.Match[str]) -> str:
        year = "".join(_YEAR_DIGITS[c] for c in match.group(0))
        return year if year[:2] in ("19", "20") else match.group(0)

    return _CN_YEAR.sub(digits, text)


def nfkc(text: str) -> str:
    """NFKC plus the explicit radical map; keeps whitespace (use for page text)."""
    return unicodedata.normalize("NFKC", text).translate(RADICAL_LOOKALIKES)


def squash(text: str | None) -> str:
    """NFKC, radicals folded, all whitespace removed (wrapped and letter-spaced cells)."""
    if text is None:
        return ""
    return _WHITESPACE.sub("", nfkc(text))


def strip_ordinal(text: str) -> str:
    """Remove leading ordinals such as ``一、`` ``（一）`` ``(1)`` ``1.`` ``1、`` ``其中：``."""
    previous = None
    while previous != text:
        previous = text
        text = _ORDINAL.sub("", text, count=1)
    return text


def normalise_label(text: str | None) -> str:
    """The contract's label normalisation: NFKC, no whitespace, no leading ordinal."""
    return strip_ordinal(squash(text))
