"""One-word names typed again by their context (warta/nlp/lone.py) and names the model cut
in two (warta/nlp/people.join_split_names)."""
from __future__ import annotations

from warta.model import MentionSpan
from warta.nlp.lone import retype_lone_names
from warta.nlp.people import join_split_names


def at(body: str, text: str, label: str, source: str = "model", nth: int = 0) -> MentionSpan:
    i = -1
    for _ in range(nth + 1):
        i = body.index(text, i + 1)
    return MentionSpan(i, i + len(text), text, label, source=source)


def labels(body: str, ms: list[MentionSpan]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in retype_lone_names(body, ms)]


def test_a_lone_place_after_a_speech_verb_is_a_person():
    body = "Proyek itu berlanjut, kata Wirantoko."
    assert labels(body, [at(body, "Wirantoko", "PLACE")]) == [("Wirantoko", "PERSON")]


def test_a_lone_place_after_a_preposition_of_place_stays_a_place():
    body = "Pabrik itu berlokasi di Sukamakmur, dekat pelabuhan."
    assert labels(body, [at(body, "Sukamakmur", "PLACE")]) == [("Sukamakmur", "PLACE")]


def test_a_lone_place_beside_a_known_place_stays_a_place():
    body = "Smelter dibangun di kawasan Lamboya, Sulawesi Tengah."
    assert labels(body, [at(body, "Lamboya", "PLACE")]) == [("Lamboya", "PLACE")]


def test_a_lone_place_listed_with_companies_is_an_organisation():
    body = "Investor startup seperti Tokopedia, Kopikita dan Gojek ikut."
    ms = [at(body, "Tokopedia", "ORG", "rule"), at(body, "Kopikita", "PLACE"), at(body, "Gojek", "ORG", "rule")]
    assert labels(body, ms)[1] == ("Kopikita", "ORG")


def test_a_lone_place_with_an_inner_capital_is_an_organisation():
    body = "Pendanaan dipimpin DanaKita bulan lalu."
    assert labels(body, [at(body, "DanaKita", "PLACE")]) == [("DanaKita", "ORG")]


def test_a_lone_place_with_no_context_keeps_the_models_guess():
    body = "Nama Lamboya kini dikenal luas."
    assert labels(body, [at(body, "Lamboya", "PLACE")]) == [("Lamboya", "PLACE")]


def test_an_acronym_after_a_job_title_is_no_person():
    body = "Rektor ITS menandatangani kerja sama itu."
    assert labels(body, [at(body, "ITS", "ORG")]) == [("ITS", "ORG")]


def test_a_name_the_model_cut_in_two_is_one_person():
    body = "Menurut Wulandari Setyaningrum, merger belum dibahas."
    ms = [at(body, "Wulandari", "PLACE"), at(body, "Setyaningrum", "PERSON")]
    assert [(m.text, m.label) for m in join_split_names(body, ms)] == [("Wulandari Setyaningrum", "PERSON")]


def test_a_company_beside_a_person_is_not_joined_to_the_name():
    body = "Direktur Gojek Budi Santoso hadir."
    ms = [at(body, "Gojek", "ORG", "rule"), at(body, "Budi Santoso", "PERSON")]
    assert join_split_names(body, ms) == ms
