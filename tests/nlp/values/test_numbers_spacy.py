"""The number words Warta reads cover spaCy's (`spacy.lang.id` / `spacy.lang.en`
lex_attrs): spaCy's list is the field's source for which words are numbers, Warta's
table (warta/data/values/numbers.yaml) adds what each is worth."""
from __future__ import annotations

from spacy.lang.en.lex_attrs import _num_words as EN_NUM_WORDS
from spacy.lang.id.lex_attrs import _num_words as ID_NUM_WORDS

from warta.datafiles import load
from warta.nlp.values.numbers import words_value

# scales past a trillion, and English jokes, never state an amount in business news
BEYOND = {"biliun", "kuadriliun", "kuintiliun", "sekstiliun", "septiliun", "oktiliun", "noniliun", "desiliun",
          "quadrillion", "quintillion", "sextillion", "septillion", "octillion", "nonillion", "decillion",
          "gajillion", "bazillion"}


def test_every_number_word_spacy_knows_is_read():
    n = load("values/numbers.yaml")
    known = set(n["words"]) | set(n["compound"]) | set(n["scales"])
    missing = [w for w in (*ID_NUM_WORDS, *EN_NUM_WORDS) if w not in known and w not in BEYOND]
    assert not missing, f"number words spaCy knows and numbers.yaml does not: {missing}"


def test_compounds_of_those_words_have_their_value():
    assert words_value("forty-five") == 45 and words_value("ninety nine") == 99 and words_value("seventeen") == 17
    assert words_value("dua puluh lima") == 25 and words_value("tiga belas") == 13
