"""Word documents saved by a real word processor: LibreOffice, where it is installed (skipped
otherwise: `apt install libreoffice-writer-nogui` to run these).

Each example (and each real resolution in ../shared/corpus, when there) is turned into the
Word document a drafter would have (tests/docx_factory.py), opened and saved again by
LibreOffice — which writes its own styles, numbering definitions and footnotes — and must give
the same model as its text, with the same emphasis. A draft formatted in place must open in
LibreOffice again and read as the formatted draft."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_factory import from_markdown

import resdraft
from resdraft.model import Resolution
from resdraft.render import render

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = [p for p in sorted((ROOT / "examples").glob("*.md")) if p.name != "README.md" and ".errors." not in p.name]
SOURCES = EXAMPLES + sorted(CORPUS.glob("A-RES-*.txt"))


def resave(path: Path, outdir: Path, target: str = "docx:MS Word 2007 XML") -> Path:
    """``path`` opened and saved by LibreOffice into ``outdir``."""
    assert SOFFICE is not None
    outdir.mkdir(exist_ok=True)
    profile = (outdir / "profile").as_uri()  # a profile of its own: runs in parallel never share one
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", outdir, path],
        check=True,
        capture_output=True,
        timeout=120,
    )
    suffix = "." + target.split(":")[0]
    return outdir / (path.stem + suffix)


def phrases(res: Resolution) -> list[tuple[str, str] | None]:
    paragraphs = [*res.preamble, *res.all_operative()]
    return [(p.phrase.text, p.phrase.emphasis.value) if p.phrase else None for p in paragraphs]


def resolution_or_skip(source: Path) -> Resolution:
    try:
        return resdraft.parse(source)
    except resdraft.NotAResolution:
        pytest.skip(f"{source.name} is not a resolution")


@pytest.mark.parametrize("auto_numbering", [True, False], ids=["automatic-numbers", "typed-numbers"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_a_document_saved_by_libreoffice_gives_the_model_of_its_text(tmp_path, source: Path, auto_numbering: bool):
    res = resolution_or_skip(source)
    if any(not any(f.marker == n.marker for f in res.footnotes) for p in res.all_operative() for n in p.text.notes):
        pytest.skip("a call-out without footnote text cannot be written in Word")
    text = render(res)
    made = tmp_path / "draft.docx"
    made.write_bytes(from_markdown(text, auto_numbering=auto_numbering, lang=res.language))
    saved = resave(made, tmp_path / "saved")
    from_word = resdraft.parse(saved)
    assert from_word == resdraft.parse(text)
    assert phrases(from_word) == phrases(resdraft.parse(text))


def test_a_draft_formatted_in_place_opens_in_libreoffice(tmp_path, run_subprocess):
    source = ROOT / "examples" / "draft-negotiation-en.md"
    made = tmp_path / "draft.docx"
    made.write_bytes(from_markdown(source.read_text(encoding="utf-8"), auto_numbering=False))
    draft = resave(made, tmp_path / "saved")
    proc = run_subprocess("format", "--write", draft)
    assert proc.returncode == 0 and "1 file reformatted" in proc.stderr, proc.stderr
    shown = resave(draft, tmp_path / "text", "txt:Text").read_text(encoding="utf-8-sig")
    formatted = resdraft.parse(draft)
    assert [p.label for p in formatted.all_operative()] == [
        f"{n}." for n in range(1, len(formatted.all_operative()) + 1)
    ]
    for para in formatted.all_operative():  # LibreOffice shows what resdraft reads
        assert para.text.text[:60] in shown
    assert run_subprocess("check", "--select", "RD301,RD401,RD402,RD403,RD601", draft).returncode == 0
