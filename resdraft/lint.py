"""The lint engine: run every enabled rule over a document and turn findings into
diagnostics with their code, severity and path; apply safe fixes."""

from __future__ import annotations

from resdraft.diagnostics import Diagnostic, Severity
from resdraft.lang import Language
from resdraft.model import Resolution
from resdraft.rules import Document, rules


def lint(res: Resolution, lang: Language, text: str | None = None, path: str | None = None) -> list[Diagnostic]:
    doc = Document(res, lang, text)
    out: list[Diagnostic] = []
    for r in rules().values():
        if not r.applies_to(lang.code):
            continue
        for f in r.check(doc):
            severity: Severity = f.severity or r.severity
            out.append(Diagnostic(r.code, severity, f.message, f.span, path, f.fix))
    return sorted(out, key=lambda d: d.sort_key)
