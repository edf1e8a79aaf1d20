"""The linter on the real adopted resolutions of ../shared/corpus: no error-level finding, and
exactly the PDF artefacts the editorial-rules catalogue documents for them (operative verbs
that lost their bold, pages of ASCII punctuation), as warnings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from resdraft.config import Settings
from resdraft.diagnostics import Severity
from resdraft.lint import check_file
from resdraft.model import Resolution
from resdraft.parser import parse

# editorial-rules.md §1.3 RD303: "A few OPs in the extracted seeds lost their bold (S3 OPs 2
# and 16–19, S4 OP 52)"; ASCII punctuation counted per file (RD952: "nearly all on one page each")
EXPECTED = {
    "A-RES-76-177.zh.txt": {"lost_bold": [2, 16, 17, 18, 19], "RD952": 46},
    "A-RES-79-138.zh.txt": {"lost_bold": [52], "RD952": 43},
}


def _op_number_at(res: Resolution, line: int) -> int | None:
    return next((p.number for p in res.all_operative() if p.span.line == line), None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_adopted_resolution_has_only_the_documented_pdf_artefacts(shared_corpus: Path, name: str) -> None:
    path = shared_corpus / name
    report = check_file(path, Settings())
    assert report.error is None
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    codes = Counter(d.code for d in report.diagnostics)
    assert codes == Counter({"RD303": len(EXPECTED[name]["lost_bold"]), "RD952": EXPECTED[name]["RD952"]})
    res = parse(path)
    lost = sorted(_op_number_at(res, d.span.line) or 0 for d in report.diagnostics if d.code == "RD303")
    assert lost == EXPECTED[name]["lost_bold"]
    assert all(d.severity is Severity.WARNING for d in report.diagnostics)
    # each ASCII mark flagged is really there, and the fix would put the full-width one
    lines = path.read_text(encoding="utf-8").split("\n")
    for d in report.diagnostics:
        if d.code == "RD952":
            assert d.fix is not None
            (edit,) = d.fix.edits
            assert lines[d.span.line - 1][d.span.column - 1] == edit.old in ",;:."
            assert edit.new == {",": "，", ";": "；", ":": "：", ".": "。"}[edit.old]


def test_the_letter_is_not_a_resolution(shared_corpus: Path) -> None:
    report = check_file(shared_corpus / "S-2024-852.letter.zh.txt", Settings())
    assert report.not_a_resolution and report.error and "not a resolution" in report.error
    assert report.diagnostics == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixing_the_corpus_leaves_only_the_lost_bold(shared_corpus: Path, tmp_path: Path, name: str) -> None:
    copy = tmp_path / name
    copy.write_bytes((shared_corpus / name).read_bytes())
    report = check_file(copy, Settings(), fix=True)
    assert report.fixed == EXPECTED[name]["RD952"]
    assert Counter(d.code for d in report.diagnostics) == Counter({"RD303": len(EXPECTED[name]["lost_bold"])})
    # the structure is untouched by the punctuation fixes
    before, after = parse(shared_corpus / name), parse(copy)
    assert [p.number for p in before.all_operative()] == [p.number for p in after.all_operative()]
    assert len(before.preamble) == len(after.preamble) and len(before.footnotes) == len(after.footnotes)
