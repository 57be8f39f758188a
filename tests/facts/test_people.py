"""ROLE and QUOTE on sentences of the project's own, through the whole pipeline: who holds
which title where, and who said the quoted words."""
from __future__ import annotations


def _roles(facts):
    return {(f.args["person"], f.args["org"]) for f in facts if f.type == "ROLE"}


def _speakers(facts):
    return [f.args["speaker"] for f in facts if f.type == "QUOTE"]


def test_quote_with_curly_marks_and_short_name(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "“Kami akan menambah tiga gardu lagi tahun depan,” ujar Darmawan di Bekasi.")
    assert "Darmawan Prasodjo" in _speakers(facts)
    q = next(f for f in facts if f.type == "QUOTE")
    assert q.args["text"] == "Kami akan menambah tiga gardu lagi tahun depan"


def test_pronoun_speaker_is_the_last_person_named(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "\"Gardu ini melayani dua ribu rumah di kawasan timur kota,\" tuturnya.")
    assert _speakers(facts) == ["Darmawan Prasodjo"]


def test_quote_over_several_sentences(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "\"Gardu ini sudah selesai. Tahun depan kami bangun dua lagi di Karawang,\" kata Darmawan.")
    q = [f for f in facts if f.type == "QUOTE"]
    assert [f.args["speaker"] for f in q] == ["Darmawan Prasodjo"]
    held = " ".join(e.sentence for e in q[0].evidence)
    assert "Gardu ini sudah selesai." in held and "kata Darmawan" in held


def test_english_speaker_before_the_quote(extract):
    facts = extract("SINGAPORE - Toyota said it would add a shift at its plant.\n\n"
                    "Toyota president Koji Sato said: \"We will hire four hundred more workers next year.\"")
    assert "Koji Sato" in _speakers(facts)
    assert ("Koji Sato", "Toyota") in _roles(facts)


def test_english_speaker_after_the_quote(extract):
    facts = extract("SINGAPORE - Toyota said it would add a shift at its plant.\n\n"
                    "\"We will hire four hundred more workers next year,\" Koji Sato, chief executive of Toyota, said.")
    assert "Koji Sato" in _speakers(facts)
    assert ("Koji Sato", "Toyota") in _roles(facts)


def test_scare_quotes_are_no_quote(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo menyebut proyek itu \"strategis\" bagi Jawa.")
    assert _speakers(facts) == []


def test_role_title_then_org_then_name(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi, Senin.")
    assert ("Darmawan Prasodjo", "PLN") in _roles(facts)


def test_role_name_then_selaku(extract):
    facts = extract("JAKARTA - Perjanjian itu ditandatangani oleh Darmawan Prasodjo selaku Direktur Utama PLN "
                    "dan Nicke Widyawati selaku Direktur Utama Pertamina di Jakarta.")
    got = _roles(facts)
    assert ("Darmawan Prasodjo", "PLN") in got and ("Nicke Widyawati", "Pertamina") in got
    assert ("Nicke Widyawati", "PLN") not in got


def test_minister_gets_the_ministry(extract):
    facts = extract("JAKARTA - Menteri Perindustrian Agus Gumiwang Kartasasmita meresmikan pabrik baterai di Karawang.")
    assert ("Agus Gumiwang Kartasasmita", "Kementerian Perindustrian") in _roles(facts)


def test_contracted_minister_title(extract):
    facts = extract("JAKARTA - Menkeu Sri Mulyani Indrawati membuka rapat anggaran di Jakarta, Senin.")
    assert ("Sri Mulyani Indrawati", "Kementerian Keuangan") in _roles(facts)


def test_regulation_named_after_a_minister_is_no_role(extract):
    facts = extract("JAKARTA - Insentif itu diatur dalam Peraturan Menteri Keuangan Nomor 8 Tahun 2024 untuk mobil listrik.")
    assert _roles(facts) == set()


def test_lexicon_is_checked():
    from warta.facts.names import lexicon
    lx = lexicon()
    assert "ujar" in lx["speech_verbs"] and "Direktur Utama" in lx["roles"]


def test_org_before_title_in_english(extract):
    facts = extract("SINGAPORE - Toyota will open a plant in Karawang.\n\n"
                    "Toyota's chief executive Koji Sato told reporters the plant would open next year.")
    assert ("Koji Sato", "Toyota") in _roles(facts)


def test_she_said_is_the_last_person_named(extract):
    facts = extract("JAKARTA - Finance Minister Sri Mulyani Indrawati spoke to reporters on Monday.\n\n"
                    "\"The budget for the new plant is ready and it will be spent this year,\" she said.")
    assert _speakers(facts) == ["Sri Mulyani Indrawati"]


def test_minister_with_country_after_the_ministry(extract):
    facts = extract("JAKARTA - Menteri Perindustrian Indonesia, Agus Gumiwang Kartasasmita, membuka pameran mobil.")
    got = _roles(facts)
    assert ("Agus Gumiwang Kartasasmita", "Kementerian Perindustrian") in got
    assert ("Agus Gumiwang Kartasasmita", "Indonesia") not in got


def test_president_without_country(extract):
    facts = extract("JAKARTA - Presiden Joko Widodo meresmikan pabrik baterai di Karawang, Senin.")
    assert ("Joko Widodo", "Indonesia") in _roles(facts)


def test_speaker_named_before_the_verb_then_pronoun(extract):
    facts = extract("JAKARTA - Pabrik baru itu mulai dibangun bulan ini.\n\n"
                    "Darmawan Prasodjo mengatakan pembangunan selesai tahun depan. "
                    "\"Kami sudah menyiapkan lahannya sejak tahun lalu,\" ujarnya.")
    assert _speakers(facts) == ["Darmawan Prasodjo"]


def test_speaker_named_by_title_alone(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "Gardu itu melayani kawasan industri.\n\n"
                    "\"Kami akan menambah tiga gardu lagi tahun depan,\" kata Direktur Utama PLN.")
    assert _speakers(facts) == ["Darmawan Prasodjo"]


def test_pronoun_speaker_is_not_a_name_inside_the_quote(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "\"Kami sudah melaporkan rencana ini kepada Menteri BUMN Erick Thohir,\" ujarnya.")
    assert _speakers(facts) == ["Darmawan Prasodjo"]


def test_quotation_paragraph_goes_on_with_the_speaker_before(extract):
    facts = extract("JAKARTA - Direktur Utama PLN Darmawan Prasodjo meninjau gardu baru di Bekasi.\n\n"
                    "\"Gardu ini melayani dua ribu rumah di kawasan timur kota,\" kata Darmawan.\n\n"
                    "\"Tahun depan kami membangun dua gardu lagi di Karawang.\"")
    assert _speakers(facts) == ["Darmawan Prasodjo", "Darmawan Prasodjo"]


def test_name_first_title_with_an_organisation_nobody_knows(extract):
    facts = extract("JAKARTA - Proyek kota baru itu dinilai menjanjikan.\n\n"
                    "Budi Hartono, Chief Executive Officer Kencanaraya, menilai proyek itu punya potensi besar.")
    assert ("Budi Hartono", "Kencanaraya") in _roles(facts)


def test_one_word_title_after_a_title_is_the_same_title(extract):
    facts = extract("JAKARTA - Proyek kota baru itu dinilai menjanjikan.\n\n"
                    "\"Kami akan membangun stasiun baru di kawasan ini,\" ujar Budi Hartono, "
                    "Group Chief Executive Officer Kencanaraya Land.")
    roles = _roles(facts)
    assert ("Budi Hartono", "Kencanaraya Land") in roles or ("Budi Hartono", "Kencanaraya") in roles
    assert not any(p == "Land" for p, _ in roles)


def test_english_speaker_named_after_said_with_lowercase_title(extract):
    facts = extract("JAKARTA - Indonesia will keep seeking investors for its battery plants, said energy "
                    "ministry official Budi Hartono.\n\n"
                    "\"Our nickel remains more competitive than that of other countries,\" he told reporters.")
    assert _speakers(facts) == ["Budi Hartono"]
