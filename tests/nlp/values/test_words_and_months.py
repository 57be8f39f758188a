"""Numbers written in words and month names, each from one table: the cleaner's
publication dates and the body's values read the same months."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from warta.calendar import month_number, months
from warta.clean.dates import parse_portal_date
from warta.nlp.values import find_values
from warta.nlp.values.lexicon import load
from warta.nlp.values.numbers import parse_number

REF = dt.date(2024, 3, 1)
DATA = Path(__file__).resolve().parents[3] / "warta" / "data"


@pytest.mark.parametrize("text,value", [
    ("dua puluh lima", 25), ("dua belas", 12), ("seratus dua puluh lima", 125), ("tiga ratus lima puluh", 350),
    ("seratus sebelas", 111), ("sebelas", 11), ("lima", 5), ("twenty five", 25), ("twenty-five", 25),
    ("one hundred", 100),
])
def test_number_words_make_one_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["dua tiga", "puluh", "sepuluh lima", "dua puluh belas"])
def test_words_that_are_not_one_number_give_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,kind,value", [
    ("membangun dua puluh lima pabrik baru", "QUANTITY", 25),
    ("investasi dua puluh lima miliar rupiah", "MONEY", 25e9),
    ("sebanyak seratus dua puluh unit", "QUANTITY", 120),
    ("dalam dua puluh lima tahun ke depan", "DURATION", {"years": 25, "by": "2049"}),
])
def test_number_words_in_a_sentence(text, kind, value):
    [v] = [v for v in find_values(text, REF, "id") if v.kind == kind]
    assert v.value == value
    assert v.text.split()[0] in ("dua", "seratus", "dalam")   # the whole number, not its last word


def test_the_old_spelling_pebruari_is_a_month_for_both_readers():
    [v] = [v for v in find_values("diresmikan pada 15 Pebruari 2024", REF, "id") if v.kind == "DATE"]
    assert v.value == "2024-02-15"
    assert parse_portal_date("Kamis, 15 Pebruari 2024 10:15 WIB") == "2024-02-15T10:15:00+07:00"


def test_there_is_one_month_table():
    assert "months" not in yaml.safe_load((DATA / "clean" / "dates.yaml").read_text(encoding="utf-8"))
    assert "months" not in load("dates")
    assert month_number("Agt.") == 8 and month_number("December") == 12 and month_number("Kamis") is None
    for name, n in months().items():       # every name in the table is read by both
        assert parse_portal_date(f"3 {name} 2024") == f"2024-{n:02d}-03", name
        assert [v.value for v in find_values(f"pada 3 {name} 2024", REF) if v.kind == "DATE"] == [f"2024-{n:02d}-03"], name


def test_warta_knows_spacys_indonesian_number_words():
    from spacy.lang.id.lex_attrs import _num_words
    n = load("numbers")
    known = set(n["words"]) | set(n["compound"]) | set(n["scales"])
    # spaCy lists the words (not their values); the ones up to triliun are in news
    wanted = [w for w in _num_words[:_num_words.index("triliun") + 1] if w != "biliun"]
    assert [w for w in wanted if w not in known] == []
