"""No input of any kind makes resdraft crash: the only exception is ResdraftError, the CLI
exits 0, 1 or 2 and never prints a traceback; large inputs cost linear work; hostile XML is
refused."""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resdraft
from resdraft import cli
from resdraft.reader import MAX_INPUT_BYTES
from resdraft.render import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "examples").glob("*-*.md"))
    if not p.name.endswith(".errors.md")
]

# characters that break naive code: controls, NUL, RTL/LTR marks, combining marks, BOM,
# surrogates, full-width forms, superscripts, line and paragraph separators
NASTY = "\x00\x01\x0b\x0c\x1b\x7f\u200e\u200f\u202e\u2066\u0301\u0332\ufeff\ud800\uffff\uff08\uff09\u00b9\u2028\u2029\r"
nasty_text = st.text(alphabet=st.characters(codec=None) | st.sampled_from(list(NASTY)), max_size=300)


def _survives(source: str | bytes) -> None:
    """parse -> to_akn -> from_akn either works or raises ResdraftError, nothing else."""
    try:
        res = resdraft.parse(source)
    except resdraft.ResdraftError:
        return
    xml = resdraft.to_akn(res)
    assert resdraft.to_akn(resdraft.from_akn(xml)) == xml
    render(res)


@given(nasty_text)
def test_arbitrary_text_never_crashes(text: str) -> None:
    _survives(text + "\n")


@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    _survives(data)


@given(st.sampled_from(EXAMPLES), st.integers(0, 10_000), st.integers(0, 10_000))
def test_truncations_never_crash(text: str, start: int, length: int) -> None:
    start %= len(text)
    _survives(text[start : start + length] + "\n")


@given(st.sampled_from(EXAMPLES), st.sampled_from(EXAMPLES), st.integers(0, 10_000), st.integers(0, 10_000))
def test_splices_never_crash(a: str, b: str, cut_a: int, cut_b: int) -> None:
    _survives(a[: cut_a % len(a)] + b[cut_b % len(b) :])


@given(
    st.sampled_from(EXAMPLES), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(list(NASTY))), max_size=10)
)
def test_nasty_characters_inside_real_texts_never_crash(text: str, inserts: list[tuple[int, str]]) -> None:
    for pos, ch in inserts:
        pos %= len(text)
        text = text[:pos] + ch + text[pos:]
    _survives(text)


def _run_cli(args: list[str]) -> tuple[int, str]:
    """Run the real entry point in-process; return its exit status and stderr."""
    err = io.StringIO()
    out = io.BytesIO()
    argv = sys.argv
    sys.argv = ["resdraft", *args]
    code = 0
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(stdout):
            cli.main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.argv = argv
    return code, err.getvalue()


@given(st.binary(max_size=300) | nasty_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_cli_exit_status_is_documented_and_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input.txt"
    path.write_bytes(data)
    code, err = _run_cli(["convert", str(path)])
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("resdraft: error:")


# --- limits --------------------------------------------------------------------------------


def _calls(text: str) -> int:
    """Python function calls made by parse + to_akn: an operation count, not a clock."""
    profile = cProfile.Profile()
    profile.enable()
    resdraft.to_akn(resdraft.parse(text))
    profile.disable()
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def _scaled(factor: int) -> str:
    head = "The General Assembly,\n\n"
    pp = "".join(
        f"*Recalling* its resolution 70/{i} of 1 January 2015 and the report,[^{i}]\n\n"
        for i in range(1, 1 + 5 * factor)
    )
    ops = "".join(
        f"{i}. *Requests* the Secretary-General to report on paragraph {i} above;\n\n(a) Now;\n\n(b) Later;\n\n"
        for i in range(1, 1 + 10 * factor)
    )
    notes = "".join(f"[^{i}]: See A/70/{i}.\n\n" for i in range(1, 1 + 5 * factor))
    return head + pp + ops.rstrip(";\n") + ".\n\n" + notes


def test_work_grows_linearly_with_the_input() -> None:
    small, large = _calls(_scaled(1)), _calls(_scaled(10))
    assert large <= 11 * small, (small, large)


def test_one_long_paragraph_is_linear() -> None:
    line = "and the Member States concerned, " * 10
    one = "The General Assembly,\n\n1. *Decides* " + "\n".join([line] * 20) + ".\n"
    ten = "The General Assembly,\n\n1. *Decides* " + "\n".join([line] * 200) + ".\n"
    assert _calls(ten) <= 11 * _calls(one)


def test_input_over_the_limit_is_refused_before_work() -> None:
    with pytest.raises(resdraft.ResdraftError, match="limit"):
        resdraft.parse("x" * (MAX_INPUT_BYTES + 1) + "\n")
    with pytest.raises(resdraft.ResdraftError, match="limit"):
        resdraft.parse(b"x" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(resdraft.ResdraftError, match="limit"):
        resdraft.from_akn(b"<a/>" + b" " * MAX_INPUT_BYTES)


def test_deeply_nested_xml_is_refused_not_a_recursion_error() -> None:
    deep = b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>" + b"<a>" * 100_000
    with pytest.raises(resdraft.ResdraftError):
        resdraft.from_akn(deep + b"</a>" * 100_000 + b"</akomaNtoso>")


# --- hostile XML ----------------------------------------------------------------------------

AKN = (
    b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement name='resolution'/></akomaNtoso>"
)


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(b"<!DOCTYPE akomaNtoso [<!ELEMENT akomaNtoso ANY>]>" + AKN, id="dtd"),
        pytest.param(
            b"<!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + b"".join(
                b"<!ENTITY lol%d '%s'>" % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                for i in range(1, 10)
            )
            + b"]><akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>&lol9;</akomaNtoso>",
            id="billion-laughs",
        ),
        pytest.param(
            b"<!DOCTYPE q [<!ENTITY a '" + b"x" * 50_000 + b"'>]>"
            b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>" + b"&a;" * 1000 + b"</akomaNtoso>",
            id="quadratic-blowup",
        ),
        pytest.param(
            b"<!DOCTYPE x [<!ENTITY ext SYSTEM 'file:///etc/passwd'>]>"
            b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>&ext;</akomaNtoso>",
            id="external-entity",
        ),
        pytest.param(
            b"<!DOCTYPE akomaNtoso SYSTEM 'http://198.51.100.7/akn.dtd'>" + AKN,
            id="network-dtd",
        ),
    ],
)
def test_hostile_xml_is_refused_with_a_message(xml: bytes) -> None:
    with pytest.raises(resdraft.ResdraftError, match=r"DTD|entit"):
        resdraft.from_akn(b"<?xml version='1.0'?>" + xml)
    with pytest.raises(resdraft.ResdraftError):
        resdraft.parse(b"<?xml version='1.0'?>" + xml)
