"""Hard-wrapped pages re-flowed into paragraphs; other pages left as they are."""
from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, SEEDS
from warta.clean.reflow import is_hard_wrapped, reflow

WRAPPED = """Nickel firm to build second smelter in Sulawesi,
sources say
By Rina Wulandari and Budi Santoso
JAKARTA, March 3 (Wire) - An Indonesian nickel producer plans
to build a second smelter in Central Sulawesi this year, two
people with knowledge of the plan said on Monday.
The company has asked banks for a loan to pay for the plant,
the two people added. The loan is subject to approval by
the board, one of them said.
The company declined to comment.
A deal could be worth around $2 billion, according to a third
person familiar with the matter, who asked not to be named
because the talks are private.
"""


def test_a_wrapped_wire_story_becomes_paragraphs():
    assert is_hard_wrapped(WRAPPED)
    lines = reflow(WRAPPED).split("\n")
    assert "Nickel firm to build second smelter in Sulawesi, sources say" in lines
    assert "By Rina Wulandari and Budi Santoso" in lines                     # a byline stays its own line
    assert ("JAKARTA, March 3 (Wire) - An Indonesian nickel producer plans to build a second smelter in "
            "Central Sulawesi this year, two people with knowledge of the plan said on Monday.") in lines
    assert "The company declined to comment." in lines


def test_the_article_of_a_wrapped_page_survives_cleaning():
    from warta.clean.text import clean_lines
    body = clean_lines(reflow(WRAPPED)).body
    assert "plans to build a second smelter in Central Sulawesi" in body
    assert "worth around $2 billion" in body


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_pages_that_are_not_wrapped_are_left_alone(path):
    text = path.read_text(encoding="utf-8")
    assert not is_hard_wrapped(text) and reflow(text) == text
