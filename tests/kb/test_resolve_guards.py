"""Resolution guards: typos inside one word only, common words are no typos, place
descriptors of kinds of place, short forms the model typed by guess."""
from __future__ import annotations

from warta.kb.coref import place_descriptor_mentions
from warta.kb.fuzzy import typo_match
from warta.kb.resolve import Resolver
from warta.kb.stage import resolver
from warta.model import MentionSpan


def test_a_typo_of_several_words_sits_inside_one_word():
    assert typo_match("jakarta pusat", "jakarta pusat")
    assert not typo_match("jakarta pusat", "jakarta post")
    assert typo_match("astra internasional", "astra international")


def names(body: str, mentions: list[MentionSpan]) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in resolver().resolve(body, mentions, [], None)}


def test_a_common_word_is_not_a_typo_of_a_city():
    body = "Sekarang harga nikel naik tajam."
    assert ("PLACE", "Semarang") not in names(body, [])


def test_kawasan_ekonomi_khusus_alone_is_no_place():
    kb = resolver().kb
    got = [n for _, n in place_descriptor_mentions("Pemerintah menetapkan Kawasan Ekonomi Khusus baru.", kb.place_descriptors, kb)]
    assert got == []


def test_unknown_regency_keeps_its_descriptor():
    kb = resolver().kb
    got = [n for _, n in place_descriptor_mentions("Pabrik di Kabupaten Sukamaju Hilir dibuka.", kb.place_descriptors, kb)]
    assert got == ["Kabupaten Sukamaju Hilir"]


def test_a_surname_typed_as_a_place_joins_the_person():
    body = "Presiden direktur Rahmat Wijayakusuma hadir. Wijayakusuma mengatakan pabrik siap."
    i, j = body.index("Rahmat"), body.rindex("Wijayakusuma")
    ms = [MentionSpan(i, i + 19, "Rahmat Wijayakusuma", "PERSON"), MentionSpan(j, j + 12, "Wijayakusuma", "PLACE")]
    ents = Resolver().resolve(body, ms, [], None)
    assert [(e.type, e.name, len(e.mentions)) for e in ents] == [("PERSON", "Rahmat Wijayakusuma", 2)]


def test_a_bare_total_needs_its_company_in_the_article():
    body = "Total investasi proyek itu mencapai Rp5 triliun."
    i = body.index("Total")
    assert ("ORG", "TotalEnergies") not in names(body, [MentionSpan(i, i + 5, "Total", "ORG")])


def test_marketplace_brand_is_its_own_organisation():
    kb = resolver().kb
    assert [e["name"] for e in kb.lookup("Temu")] == ["Temu"]
    assert [e["type"] for e in kb.lookup("GoPay")] == ["PRODUCT"]


def test_a_new_organisation_is_named_without_its_legal_affixes():
    from warta.kb.resolve import strip_legal
    assert strip_legal("PT Indra Karya (Persero)") == "Indra Karya"
    assert strip_legal("Abadi Investment Pte") == "Abadi Investment"
    assert strip_legal("PT Bank Contoh Tbk") == "PT Bank Contoh Tbk"
    assert strip_legal("Contoh Group Public Company") == "Contoh Group"
    assert strip_legal("Bain & Company") == "Bain & Company"


def at(body: str, text: str, label: str, source: str = "model") -> MentionSpan:
    i = body.index(text)
    return MentionSpan(i, i + len(text), text, label, source=source)


def test_a_person_the_model_found_is_no_typo_of_a_company():
    body = "Kepala riset Mahendra menilai harga naik."
    assert ("ORG", "Mahindra") not in names(body, [at(body, "Mahendra", "PERSON")])


def test_a_name_with_an_inner_capital_is_spelt_on_purpose():
    body = "Pusat data DayOne di Batam dibuka."
    got = names(body, [at(body, "DayOne", "ORG")])
    assert ("ORG", "Danone") not in got and ("ORG", "DayOne") in got


def test_a_common_word_is_no_typo_of_a_brand():
    body = "Model ini masuk Series baru."
    assert not any(n == "Seres" for _, n in names(body, [at(body, "Series", "ORG")]))


def test_a_short_form_is_the_articles_shorthand_for_the_company_it_names_in_full():
    body = "LG Energy Solution mundur dari proyek. Keputusan LG itu mengejutkan."
    first = at(body, "LG Energy Solution", "ORG", "rule")
    short = MentionSpan(body.rindex("LG"), body.rindex("LG") + 2, "LG", "ORG", source="rule")
    ents = resolver().resolve(body, [first, short], [], None)
    assert [(e.name, len(e.mentions)) for e in ents if e.type == "ORG"] == [("LG Energy Solution", 2)]


def test_a_short_form_alone_stays_the_group():
    body = "Keputusan LG itu mengejutkan."
    assert ("ORG", "LG Group") in names(body, [at(body, "LG", "ORG", "rule")])
