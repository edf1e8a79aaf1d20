"""Word packages are opened defensively (resdraft/docx.py): every hostile or broken file is
refused with a one-line reason and exit status 2, before any part is read. The fixtures are
built here with zipfile; no binary file is kept in the repository."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import resdraft
from resdraft.docx import MAX_RATIO, MAX_UNCOMPRESSED, OLE_SIGNATURE, Package

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p></w:body></w:document>"
)


def package(parts: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def word(**extra: str | bytes) -> dict[str, str | bytes]:
    return {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT, **extra}


def refusal(data: bytes) -> str:
    with pytest.raises(resdraft.ResdraftError) as caught:
        Package(data, "draft.docx")
    message = str(caught.value)
    assert message.startswith("draft.docx: ") and "\n" not in message
    return message


def test_a_well_formed_package_opens_and_its_parts_parse():
    doc = Package(package(word())).xml("word/document.xml")
    assert doc.tag.endswith("}document")
    assert "".join(doc.itertext()) == "The General Assembly,"


def test_a_password_protected_file_is_named_as_such():
    assert "password-protected" in refusal(OLE_SIGNATURE + b"\0" * 512)


def test_a_zip_that_is_not_a_word_document():
    assert "not a Word document" in refusal(package({"notes.txt": "hello"}))


def test_a_broken_zip():
    assert "not a readable zip archive" in refusal(b"PK\x03\x04" + b"\0" * 40)


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/passwd", "word/../../evil.xml", "C:/evil.xml", "\\evil.xml"])
def test_a_part_name_outside_the_package(name: str):
    assert "points outside the package" in refusal(package(word(**{name: "<x/>"})))


def test_a_zip_bomb_by_ratio():
    bomb = b"\0" * (4 * 1024 * 1024)  # compresses about a thousand times
    assert "zip bomb" in refusal(package(word(**{"word/media/bomb.bin": bomb})))


def test_a_package_expanding_past_the_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("resdraft.docx.MAX_UNCOMPRESSED", 1000)
    assert "the limit is 1,000" in refusal(package(word(**{"word/big.xml": "<x>" + "a" * 2000 + "</x>"})))
    assert MAX_UNCOMPRESSED > 1000 and MAX_RATIO > 10  # the real limits leave room for real drafts


EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'


def test_a_part_with_a_dtd_is_refused_and_no_entity_is_expanded():
    pkg = Package(package(word(**{"word/footnotes.xml": EXTERNAL_ENTITY})), "draft.docx")
    with pytest.raises(resdraft.ResdraftError, match="carries a DTD"):
        pkg.xml("word/footnotes.xml")


def test_billion_laughs_in_the_document_part_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="x">&c;</w:document>'
    )
    pkg = Package(package({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": laughs}))
    with pytest.raises(resdraft.ResdraftError, match="DTD"):
        pkg.xml("word/document.xml")


def test_malformed_xml_in_a_part():
    pkg = Package(package(word(**{"word/styles.xml": "<w:styles"})))
    with pytest.raises(resdraft.ResdraftError, match="not well-formed"):
        pkg.xml("word/styles.xml")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (package(word(**{"word/styles.xml": EXTERNAL_ENTITY})), "carries a DTD"),
        (package(word(**{"word/footnotes.xml": EXTERNAL_ENTITY})), "carries a DTD"),
        (OLE_SIGNATURE + b"\0" * 512, "password-protected"),
        (package(word(**{"../evil.xml": "<x/>"})), "outside the package"),
        (package({"notes.txt": "hello"}), "not a Word document"),
    ],
    ids=["dtd-in-styles", "dtd-in-footnotes", "protected", "traversal", "not-word"],
)
def test_the_command_line_refuses_with_exit_2_and_one_line(run_subprocess, tmp_path: Path, data: bytes, says: str):
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    for command in (["check"], ["convert"], ["format", "--check"]):
        proc = run_subprocess(*command, path)
        assert proc.returncode == 2, (command, proc.stderr)
        output = proc.stdout + proc.stderr  # check reports an unusable file in its report
        assert says in output and "Traceback" not in output


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_two_parts_of_the_same_name_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("word/document.xml", DOCUMENT.replace("General Assembly", "Security Council"))
    assert "two parts of the same name" in refusal(buffer.getvalue())


def test_an_empty_zip_is_named_as_not_a_word_document(tmp_path: Path):
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    assert "not a Word document" in refusal(buffer.getvalue())
    with pytest.raises(resdraft.ResdraftError, match="not a Word document"):
        resdraft.parse(buffer.getvalue())
