"""The text renderer is the parser's inverse: parse -> render -> parse gives the same model."""

from __future__ import annotations

from pathlib import Path

import pytest
from strategies import forget_emphasis

import resdraft
from resdraft.render import escape, render

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(
    [p for p in (ROOT / "examples").glob("*.md") if p.name != "README.md" and not p.name.endswith(".errors.md")]
    + list((ROOT / "tests" / "fixtures").glob("*.txt"))
)


@pytest.mark.parametrize("superscript", [False, True], ids=["markdown-notes", "superscript-notes"])
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_render_then_parse_gives_the_same_model(path: Path, superscript: bool) -> None:
    res = resdraft.parse(path)
    again = resdraft.parse(render(res, superscript=superscript))
    # a plain text's phrases (emphasis unknown) come back with the convention's emphasis
    assert forget_emphasis(again) == forget_emphasis(res)


def test_a_plain_text_is_rendered_with_the_conventional_emphasis() -> None:
    text = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"
    assert (
        render(resdraft.parse(text))
        == "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n"
    )
    zh = "大会，\n\n回顾其决议，\n\n1. 决定采取行动。\n"
    assert render(resdraft.parse(zh)) == "大会，\n\n回顾其决议，\n\n1. **决定**采取行动。\n"


def test_corpus_round_trips_through_the_renderer(shared_corpus: Path) -> None:
    for path in sorted(shared_corpus.glob("A-RES-*.txt")):
        res = resdraft.parse(path)
        for superscript in (False, True):
            again = resdraft.parse(render(res, superscript=superscript))
            assert forget_emphasis(again) == forget_emphasis(res), path.name


def test_rendered_text_is_canonical() -> None:
    res = resdraft.parse(
        "The General Assembly,\n\n*Recalling* its resolution,[^1]\n\n1. *Decides* to act:\n\n(a) Now;\n\n"
        "(i) Today;\n\n(b) Later.\n\n[^1]: See resolution 70/1.\n"
    )
    assert render(res) == (
        "The General Assembly,\n\n*Recalling* its resolution,[^1]\n\n1. *Decides* to act:\n\n(a) Now;\n\n"
        "(i) Today;\n\n(b) Later.\n\n[^1]: See resolution 70/1.\n"
    )
    assert render(res, superscript=True).endswith("¹ See resolution 70/1.\n")


def test_chinese_phrases_keep_their_emphasis() -> None:
    text = "大会，\n\n回顾其决议，\n\n对此**深表遗憾**，\n\n1. **决定**采取行动。\n"
    res = resdraft.parse(text)
    assert render(res) == text


def test_markup_characters_in_text_are_escaped() -> None:
    assert escape("a * b [^1] [2] \\ c") == "a \\* b \\[^1] \\[2] \\\\ c"
    res = resdraft.parse("The General Assembly,\n\n1. *Decides* that 5 \\* 3 is a product.\n")
    assert resdraft.parse(render(res)) == res
    assert "5 * 3" in res.operative[0].text.text
