"""The name helpers behind ROLE and QUOTE, on strings of the project's own."""
from __future__ import annotations

from warta.facts.names import clean, is_name_token, name_at, name_ending


def test_name_tokens():
    assert is_name_token("Budi") and is_name_token("M.")
    assert not is_name_token("PLN")          # an acronym names an organisation
    assert not is_name_token("LinkDana")     # camel case is a brand
    assert not is_name_token("Direktur") and not is_name_token("Senin")


def test_name_at_stops_before_lower_case_and_titles():
    text = "kata Budi Santoso dalam acara itu"
    s, e = name_at(text, text.index("Budi"))
    assert text[s:e] == "Budi Santoso"
    text = "Direktur Utama Contoh, Siti Rahma."
    s, e = name_at(text, text.index("Siti"))
    assert text[s:e] == "Siti Rahma"


def test_name_ending_keeps_particles_inside():
    text = "Presiden Direktur Jan de Vries mengatakan"
    s, e = name_ending(text, text.index(" mengatakan"))
    assert text[s:e] == "Jan de Vries"


def test_clean_trims_what_the_ner_left_on_a_name():
    assert clean("Contohtel Rudi Hartono", {"contohtel"}) == "Rudi Hartono"
    assert clean("Rudi Hartono Direktur Utama", set()) == "Rudi Hartono"
    assert clean("Direktur", set()) is None
