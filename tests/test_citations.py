"""Citations in running text: lists, organs, dates, Chinese boundaries, normalised numbers."""

from __future__ import annotations

import pytest

from resdraft.citations import citations, year_of
from resdraft.lang import get
from resdraft.model import Organ


def cited(text: str, lang: str = "en", own: Organ = Organ.GA) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.kind, c.number, c.organ and c.organ.value, c.date) for c in citations(text, get(lang), own)]


def test_every_member_of_an_english_list_is_cited_with_its_own_date() -> None:
    text = "Recalling its resolutions 70/1 of 25 September 2015, 71/243 and 72/279 of 31 May 2018,"
    assert cited(text) == [
        ("resolution", "70/1", "GA", "2015-09-25"),
        ("resolution", "71/243", "GA", None),
        ("resolution", "72/279", "GA", "2018-05-31"),
    ]


def test_every_member_of_a_chinese_list_is_cited() -> None:
    assert [c[1] for c in cited("回顾其第70/1、71/243和72/279号决议，", "zh")] == ["70/1", "71/243", "72/279"]
    assert [c[1] for c in cited("第34/24号和第40/20号决议", "zh")] == ["34/24", "40/20"]


@pytest.mark.parametrize(
    ("text", "organ"),
    [
        ("Security Council resolution 2397 (2017)", "SC"),
        ("resolution 5/1 of the Human Rights Council", "HRC"),
        ("Human Rights Council resolution 46/17 of 23 March 2021", "HRC"),
        ("its resolution 75/190", "GA"),
        ("the Human Rights Council; see also resolution 217 A (III)", "GA"),  # another clause
    ],
)
def test_the_cited_organ_is_the_one_named_with_the_citation(text: str, organ: str) -> None:
    assert cited(text)[0][2] == organ


def test_a_chinese_date_before_the_number_belongs_to_the_first_member() -> None:
    assert cited("人权理事会2021年3月23日第46/17号决议", "zh") == [("resolution", "46/17", "HRC", "2021-03-23")]


def test_numbers_are_normalised() -> None:
    assert cited("安全理事会第2231(2015)号决议", "zh")[0][1] == "2231 (2015)"
    assert cited("Resolution 217 A (III), annex.")[0][1] == "217 A (III)"


def test_symbols_are_found_next_to_chinese_characters() -> None:
    assert cited("见A/80/227。", "zh") == [("symbol", "A/80/227", None, None)]
    assert cited("(A/76/462/Add.3，第34段)", "zh")[0][1] == "A/76/462/Add.3"


def test_a_resolution_number_is_not_also_taken_for_a_symbol() -> None:
    assert [c[0] for c in cited("resolution 2730 (2024) and S/2024/385")] == ["resolution", "symbol"]


def test_year_implied_by_the_number() -> None:
    (ga,) = citations("resolution 75/190", get("en"), Organ.GA)
    (sc,) = citations("resolution 2730 (2024)", get("en"), Organ.GA)
    (hrc,) = citations("resolution 46/17 of the Human Rights Council", get("en"), Organ.GA)
    assert (year_of(ga), year_of(sc), year_of(hrc)) == ("2020", "2024", None)
