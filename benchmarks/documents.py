"""Generated resolutions for the benchmarks: realistic in shape (header, formula, preamble with
italic phrases, numbered operative paragraphs with (a)/(i) items, footnotes), deterministic
for a seed, and as long as asked. Never real documents."""

from __future__ import annotations

import random
import re

_EN_PREAMBLE = ("Recalling", "Reaffirming", "Noting with concern", "Welcoming", "Stressing", "Recognizing")
_EN_OPERATIVE = ("Decides", "Requests", "Encourages", "Calls upon", "Invites", "Urges", "Stresses")
_EN_WORDS = re.findall(
    r"\S+",
    "the importance of international cooperation on coastal resilience and of adequate, predictable "
    "and sustainable financing for the implementation of the present resolution, in particular in "
    "small island developing States and least developed countries",
)
_ZH_PREAMBLE = ("回顾", "重申", "关切地注意到", "欢迎", "强调", "认识到")
_ZH_OPERATIVE = ("决定", "请", "鼓励", "吁请", "邀请", "敦促", "强调")
_ZH_TEXT = (
    "各国在沿海复原力方面开展国际合作并为执行本决议提供充足、可预测和可持续的资金的重要性，"
    "特别是在小岛屿发展中国家和最不发达国家"
)


def resolution(lang: str, operative: int = 50, seed: int = 0) -> str:
    """A General Assembly resolution in Markdown with ``operative`` operative paragraphs,
    about as many preambular ones, items under every fifth paragraph and a footnote every
    fourth."""
    rng = random.Random(seed)
    zh = lang == "zh"
    notes: list[str] = []

    def note() -> str:
        notes.append("A/80/100，第5段。" if zh else "A/80/100, para. 5.")
        return f"[^{len(notes)}]"

    def words() -> str:
        if zh:
            return _ZH_TEXT[: rng.randint(20, len(_ZH_TEXT))]
        start = rng.randint(0, 10)
        return " ".join(_EN_WORDS[start : start + rng.randint(8, 25)])

    out = (
        ["第80/1号决议。加强沿海复原力方面的合作", "大会，"]
        if zh
        else ["80/1. Cooperation on coastal resilience", "The General Assembly,"]
    )
    for i in range(max(operative * 9 // 10, 1)):
        phrase = rng.choice(_ZH_PREAMBLE if zh else _EN_PREAMBLE)
        shown = phrase if zh else f"*{phrase}*"
        call = note() if i % 4 == 0 else ""
        out.append(f"{shown}{words()}，{call}" if zh else f"{shown} {words()},{call}")
    for n in range(1, operative + 1):
        verb = rng.choice(_ZH_OPERATIVE if zh else _EN_OPERATIVE)
        last = n == operative
        items = n % 5 == 0 and not last
        end = "：" if zh and items else ":" if items else "。" if zh and last else "." if last else "；" if zh else ";"
        call = note() if n % 4 == 0 else ""
        out.append(f"{n}. **{verb}**{words()}{call}{end}" if zh else f"{n}. *{verb}* {words()}{call}{end}")
        if items:
            for k, key in enumerate("abc"):
                sub = k == 1
                item_end = "：" if zh and sub else ":" if sub else "；" if zh else ";"
                out.append(f"({key}) {words()}{item_end}")
                if sub:
                    for roman in ("i", "ii"):
                        label = f"({'一二'[len(roman) - 1]})" if zh else f"({roman})"
                        out.append(f"{label} {words()}{'；' if zh else ';'}")
    out.append("2025年12月1日\n第50次全体会议" if zh else "50th plenary meeting\n1 December 2025")
    out += [f"[^{i}]: {text}" for i, text in enumerate(notes, start=1)]
    return "\n\n".join(out) + "\n"
