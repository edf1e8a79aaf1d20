"""The benchmarks' generated resolutions (benchmarks/documents.py) are what they claim: valid,
clean resolutions of the asked size, in English and Chinese (timings are the benchmark's job,
not the tests')."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import resdraft
from resdraft.lint import lint_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from documents import resolution


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("operative", [1, 7, 50])
def test_a_generated_resolution_is_clean_and_of_the_asked_size(lang: str, operative: int):
    text = resolution(lang, operative=operative, seed=operative)
    res = resdraft.parse(text)
    assert res.language == lang
    assert [p.number for p in res.all_operative()] == list(range(1, operative + 1))
    assert len(res.preamble) == max(operative * 9 // 10, 1)
    assert all(p.phrase is not None and p.phrase.emphasis.value != "none" for p in res.all_operative())
    assert lint_text(text) == []
    assert resolution(lang, operative=operative, seed=operative) == text  # deterministic
