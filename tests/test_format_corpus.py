"""``resdraft format`` on the real adopted Chinese resolutions of ../shared/corpus, damaged the
way negotiations damage a draft: an operative paragraph deleted, a "5 bis" inserted, a sub-item
deleted, a footnote (call-out and text) taken out. After formatting, no numbering finding is
left and an oracle computed here, independently of the formatter, says what the text must be.

The corpus texts are PDF extractions: pages of half-width punctuation (RD952) and operative
verbs that lost their bold (RD303), both documented in test_lint_corpus.py. The formatter fixes
the punctuation (ignored here, so that the comparisons see the numbering only) and leaves the
lost bold alone: emphasis in extracted text is not known well enough to be restored.

A-RES-79-138 has no sub-items, so the sub-item damage is done on A-RES-76-177 only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resdraft.config import Settings
from resdraft.format import format_text
from resdraft.lint import document, lint_text
from resdraft.model import Item, NoteRef

NAMES = ["A-RES-76-177.zh.txt", "A-RES-79-138.zh.txt"]
SETTINGS = Settings(ignore=("RD952",))
NUMBERING_CODES = {"RD301", "RD313", "RD401", "RD402", "RD403", "RD502", "RD601"}

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUP = str.maketrans("0123456789", SUP)
FROM_SUP = str.maketrans(SUP, "0123456789")
# a call-out: superscript figures, or a group of two ("¹⁰⁻¹¹"); never part of a longer run
CALL_OUT = re.compile(rf"(?<![{SUP}⁻])[{SUP}]+(?:⁻[{SUP}]+)?(?![{SUP}⁻])")
OP_LABEL = re.compile(r"^(\d+)\. ")
CJK = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
ITEM_LABEL = re.compile(r"^(- )?\(([a-z]|[一二三四五六七八九十]+)\) ")

# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(params=NAMES)
def name(request: pytest.FixtureRequest) -> str:
    return request.param


def original(corpus: Path, name: str) -> str:
    return (corpus / name).read_text(encoding="utf-8")


def format_ok(text: str, name: str, settings: Settings = SETTINGS) -> str:
    result = format_text(text, name, settings)
    assert result.refused == [] and result.error is None, result.refused
    return result.text


def numbering_findings(text: str, name: str) -> list[str]:
    return [
        f"{d.code} {d.span.line}: {d.message}" for d in lint_text(text, name, SETTINGS) if d.code in NUMBERING_CODES
    ]


def sup(n: int) -> str:
    return str(n).translate(TO_SUP)


def operative_start(lines: list[str]) -> int:
    """The index of the line of operative paragraph 1."""
    return next(i for i, line in enumerate(lines) if line.startswith("1. "))


def line_of_paragraph(lines: list[str], n: int) -> int:
    start = operative_start(lines)
    return next(i for i in range(start, len(lines)) if lines[i].startswith(f"{n}. "))


def drop_line(lines: list[str], i: int) -> list[str]:
    """``lines`` without line ``i``, and without one of the two blank lines around it."""
    out = lines[:i] + lines[i + 1 :]
    if 0 < i < len(out) and out[i] == "" and out[i - 1] == "":
        del out[i]
    return out


def shift_operative_numbers(lines: list[str], after: int, by: int) -> list[str]:
    """Operative paragraph numbers above ``after`` moved by ``by`` (the oracle's renumbering)."""
    start = operative_start(lines)

    def shifted(line: str) -> str:
        m = OP_LABEL.match(line)
        if m is None or int(m[1]) <= after:
            return line
        return f"{int(m[1]) + by}. " + line[m.end() :]

    return lines[:start] + [shifted(line) for line in lines[start:]]


def paragraph_texts(text: str, name: str) -> list[list[str]]:
    """Each operative paragraph's text followed by the texts of all its sub-items."""

    def flat(items: list[Item]) -> list[str]:
        return [t for it in items for t in (it.text.text, *flat(it.items))]

    res = document(text, name, SETTINGS).res
    return [[p.text.text, *flat(p.items)] for p in res.all_operative()]


def footnote_texts(text: str, name: str) -> list[tuple[str, str]]:
    return [(note.marker, note.text.text) for note in document(text, name, SETTINGS).res.footnotes]


def call_out_markers(text: str, name: str) -> list[int]:
    """The numbers of the call-outs in the preamble and the operative part, in reading order.
    (Walked here rather than through resdraft.rules.footnotes: importing a rule module before
    the registry is loaded leaves the registry partial.)"""

    def refs(items: list[Item]) -> list[NoteRef]:
        return [r for it in items for r in (*it.text.notes, *refs(it.items))]

    res = document(text, name, SETTINGS).res
    found = [r for p in res.preamble for r in p.text.notes]
    found += [r for p in res.all_operative() for r in (*p.text.notes, *refs(p.items))]
    return [int(r.marker) for r in sorted(found, key=lambda r: (r.span.line, r.span.column))]


# --- the corpus as it is -------------------------------------------------------------------


def test_formatting_the_undamaged_corpus_changes_nothing(shared_corpus, name):
    text = original(shared_corpus, name)
    result = format_text(text, name, SETTINGS)
    assert result.refused == [] and result.error is None
    assert result.changes == []
    assert result.text == text


def test_the_lost_bold_of_extracted_text_is_left_alone(shared_corpus, name):
    text = original(shared_corpus, name)
    assert any(d.code == "RD303" for d in lint_text(text, name))  # reported by the linter …
    assert format_ok(text, name, SETTINGS) == text  # … but not guessed by the formatter


def test_check_on_the_undamaged_corpus_exits_0(shared_corpus, run_cli, tmp_path, name):
    copy = tmp_path / name
    copy.write_bytes((shared_corpus / name).read_bytes())
    result = run_cli("format", "--check", "--ignore", "RD952", copy)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "1 file already formatted\n"
    assert copy.read_bytes() == (shared_corpus / name).read_bytes()


# --- a deleted operative paragraph ---------------------------------------------------------

# single-line paragraphs without call-outs or sub-items
DELETED = {"A-RES-76-177.zh.txt": 4, "A-RES-79-138.zh.txt": 8}


def test_a_deleted_operative_paragraph_closes_the_gap(shared_corpus, name):
    text = original(shared_corpus, name)
    lines = text.split("\n")
    n = DELETED[name]
    i = line_of_paragraph(lines, n)
    assert not CALL_OUT.search(lines[i])
    damaged = "\n".join(drop_line(lines, i))
    assert numbering_findings(damaged, name) != []

    after = format_ok(damaged, name)

    assert numbering_findings(after, name) == []
    before = paragraph_texts(text, name)
    res = document(after, name, SETTINGS).res
    assert [p.label for p in res.all_operative()] == [f"{k}." for k in range(1, len(before))]
    assert paragraph_texts(after, name) == before[: n - 1] + before[n:]
    assert after == "\n".join(shift_operative_numbers(drop_line(lines, i), after=n, by=-1))


# --- an inserted "5 bis" -------------------------------------------------------------------

INSERTED = "5 bis. **又请**秘书长提交报告；"


def insert_after_paragraph_5(lines: list[str], paragraph: str = INSERTED) -> str:
    i = line_of_paragraph(lines, 5)
    assert lines[i + 1] == "" or OP_LABEL.match(lines[i + 1])  # paragraph 5 is one line
    new = ["", paragraph] if lines[i + 1] == "" else [paragraph]  # spaced like its neighbours
    return "\n".join(lines[: i + 1] + new + lines[i + 1 :])


def test_an_inserted_bis_paragraph_is_numbered_6_and_the_rest_move_down(shared_corpus, name):
    text = original(shared_corpus, name)
    damaged = insert_after_paragraph_5(text.split("\n"))
    assert any(f.startswith("RD313") for f in numbering_findings(damaged, name))

    after = format_ok(damaged, name)

    assert numbering_findings(after, name) == []
    shifted = shift_operative_numbers(text.split("\n"), after=5, by=1)
    assert after == insert_after_paragraph_5(shifted, "6. **又请**秘书长提交报告；")


def test_deleting_the_inserted_paragraph_again_gives_back_the_original(shared_corpus, name):
    text = original(shared_corpus, name)
    after = format_ok(insert_after_paragraph_5(text.split("\n")), name)
    lines = after.split("\n")
    i = lines.index("6. **又请**秘书长提交报告；")
    assert format_ok("\n".join(drop_line(lines, i)), name) == format_ok(text, name) == text


# --- a deleted sub-item (A-RES-76-177: paragraph 18 (a)-(r), paragraph 2 (a) (一)-(十三)) ----


def relabel_after(lines: list[str], first: int, last: int, deleted: str) -> list[str]:
    """The oracle's relabelling: in lines[first:last], each label after ``deleted`` in its scheme
    takes the label before it."""
    scheme = CJK if deleted in CJK else [chr(c) for c in range(ord("a"), ord("z") + 1)]
    out = list(lines)
    for k in range(first, last):
        m = ITEM_LABEL.match(out[k])
        if m and m[2] in scheme and scheme.index(m[2]) > scheme.index(deleted):
            new = scheme[scheme.index(m[2]) - 1]
            out[k] = out[k][: m.start(2)] + new + out[k][m.end(2) :]
    return out


@pytest.mark.parametrize(
    ("opens", "closes", "deleted"),
    [("18. ", "19. ", "c"), ("- (a) 持续不断", "(b) 朝鲜", "三"), ("18. ", "19. ", "i")],
    ids=["18 (c)", "2 (a) (三)", "18 (i)"],
)
def test_a_deleted_sub_item_closes_the_gap_in_its_list(shared_corpus, opens, closes, deleted):
    name = "A-RES-76-177.zh.txt"
    text = original(shared_corpus, name)
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(opens))
    last = next(i for i in range(first + 1, len(lines)) if lines[i].startswith(closes))
    i = next(k for k in range(first, last) if re.match(rf"^(- )?\({deleted}\) ", lines[k]))
    assert not CALL_OUT.search(lines[i])
    damaged = "\n".join(drop_line(lines, i))
    assert numbering_findings(damaged, name) != []

    after = format_ok(damaged, name)

    assert numbering_findings(after, name) == []
    assert after == "\n".join(drop_line(relabel_after(lines, first, last, deleted), i))
    gone = lines[i][ITEM_LABEL.match(lines[i]).end() :]
    expected = paragraph_texts(text, name)
    assert sum(texts.count(gone) for texts in expected) == 1
    for texts in expected:
        if gone in texts:
            texts.remove(gone)
    assert paragraph_texts(after, name) == expected


# --- a removed footnote --------------------------------------------------------------------


def remove_footnote(text: str, n: int) -> str:
    """Take out footnote ``n``: its text (a line opening with the marker) and its one call-out
    (with the space after it), never touching a longer marker that contains the same digits."""
    lines = text.split("\n")
    texts = [i for i, line in enumerate(lines) if re.match(rf"{sup(n)}(?![{SUP}])", line)]
    assert len(texts) == 1
    lines = drop_line(lines, texts[0])
    call_out = re.compile(rf"(?<![{SUP}⁻]){sup(n)}(?![{SUP}⁻]) ?")
    body = [k for k, line in enumerate(lines) if line[:1] not in SUP and call_out.search(line)]
    assert len(body) == 1 and len(call_out.findall(lines[body[0]])) == 1
    lines[body[0]] = call_out.sub("", lines[body[0]])
    return "\n".join(lines)


def renumber_markers_after(text: str, n: int) -> str:
    """The oracle's renumbering: every superscript marker above ``n`` lowered by one."""

    def lower(m: re.Match[str]) -> str:
        numbers = [int(part.translate(FROM_SUP)) for part in m[0].split("⁻")]
        return "⁻".join(sup(k - 1 if k > n else k) for k in numbers)

    return CALL_OUT.sub(lower, text)


@pytest.mark.parametrize(
    ("name", "n"),
    [("A-RES-76-177.zh.txt", 3), ("A-RES-76-177.zh.txt", 12), ("A-RES-79-138.zh.txt", 1), ("A-RES-79-138.zh.txt", 3)],
)
def test_a_removed_footnote_closes_the_gap(shared_corpus, name, n):
    text = original(shared_corpus, name)
    damaged = remove_footnote(text, n)
    assert any(f.startswith("RD502") for f in numbering_findings(damaged, name))

    after = format_ok(damaged, name)

    assert numbering_findings(after, name) == []
    notes_before = footnote_texts(text, name)
    notes_after = footnote_texts(after, name)
    assert [marker for marker, _ in notes_after] == [str(k) for k in range(1, len(notes_before))]
    assert [body for _, body in notes_after] == [body for marker, body in notes_before if marker != str(n)]
    assert call_out_markers(after, name) == [m - (m > n) for m in call_out_markers(text, name) if m != n]
    assert after == renumber_markers_after(damaged, n)


def test_a_footnote_removed_from_a_group_of_two_leaves_the_other(shared_corpus):
    name = "A-RES-79-138.zh.txt"
    text = original(shared_corpus, name)
    assert text.count("¹⁰⁻¹¹") == 1
    lines = text.replace("¹⁰⁻¹¹", "¹⁰").split("\n")
    damaged = "\n".join(drop_line(lines, lines.index("¹¹ 见相关的秘书长说明和通告。")))

    after = format_ok(damaged, name)

    assert numbering_findings(after, name) == []
    assert "，¹⁰\n" in after
    assert call_out_markers(after, name) == list(range(1, 21))
    assert after == renumber_markers_after(damaged, 11)
