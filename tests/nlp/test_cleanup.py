"""Clean-up of entity mentions (warta/nlp/cleanup.py, data in warta/data/nlp/mentions.yaml)."""
from __future__ import annotations

from warta.model import MentionSpan
from warta.nlp.cleanup import clean_mentions, is_not_name


def span(body: str, text: str, label: str = "ORG", source: str = "model") -> MentionSpan:
    i = body.index(text)
    return MentionSpan(i, i + len(text), text, label, source=source)


def got(body: str, *spans: MentionSpan) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in clean_mentions(body, list(spans))]


def test_common_nouns_and_abbreviations_are_no_entities():
    body = "Kedua BUMN menandatangani Nota Kesepahaman untuk proyek HPAL dan membentuk JV."
    spans = [span(body, "BUMN"), span(body, "Nota Kesepahaman", "PLACE"), span(body, "HPAL"), span(body, "JV")]
    assert got(body, *spans) == []
    assert is_not_name("rupslb") and not is_not_name("Pertamina")


def test_a_mention_made_of_titles_is_dropped():
    body = "Menurut Chief Marketing Officer perusahaan itu, penjualan naik."
    assert got(body, span(body, "Chief Marketing Officer", "PERSON")) == []


def test_a_leading_title_is_stripped_and_the_person_split_from_the_company():
    body = "Dirut PLN Budi Santoso Wibowo meresmikan gardu baru."
    assert got(body, span(body, "Dirut PLN Budi Santoso Wibowo")) == [("PLN", "ORG"), ("Budi Santoso Wibowo", "PERSON")]


def test_a_known_bank_followed_by_its_spokesperson():
    body = "Kata Sekretaris Perusahaan Bank Danamon Rina Kartika Sari kepada wartawan."
    assert got(body, span(body, "Bank Danamon Rina Kartika Sari")) == [("Bank Danamon", "ORG"), ("Rina Kartika Sari", "PERSON")]


def test_a_weekday_after_a_place_ends_the_name():
    body = "Ia berbicara di Jawa Barat Senin pagi."
    assert got(body, span(body, "Jawa Barat Senin", "PLACE")) == [("Jawa Barat", "PLACE")]


def test_generic_word_before_a_known_name_is_stripped():
    body = "Rapat digelar di Kantor Komdigi kemarin."
    assert got(body, span(body, "Kantor Komdigi", "PLACE")) == [("Komdigi", "PLACE")]


def test_a_power_plant_kind_leaves_the_place():
    body = "Uap panas dari PLTP Gunung Salak dialirkan ke turbin."
    assert got(body, span(body, "PLTP Gunung Salak")) == [("Gunung Salak", "PLACE")]


def test_head_words_correct_the_models_type():
    body = "Pinjaman dari Bangkok Bank dan Kawasan Industri Medan Raya."
    assert got(body, span(body, "Bangkok Bank", "PLACE"), span(body, "Kawasan Industri Medan Raya", "PERSON")) == [
        ("Bangkok Bank", "ORG"), ("Kawasan Industri Medan Raya", "PLACE")]


def test_a_known_maker_with_a_model_code_is_a_product():
    body = "Mobil Wuling E300 dipamerkan."
    assert got(body, span(body, "Wuling E300")) == [("Wuling E300", "PRODUCT")]


def test_a_subsidiary_abbreviation_is_no_model_code():
    body = "Anak usaha Pertamina EP menambah sumur."
    assert got(body, span(body, "Pertamina EP")) == [("Pertamina EP", "ORG")]


def test_an_abbreviation_the_article_spells_out_as_a_common_noun_is_dropped():
    body = "Pabrik itu membangun titik pengumpulan susu (TPS) baru. TPS itu dibuka."
    assert got(body, span(body, "TPS")) == []


def test_an_abbreviation_of_a_name_stays():
    body = "Komisi Pengawas Persaingan Usaha (KPPU) memeriksa kasus itu."
    assert got(body, span(body, "KPPU")) == [("KPPU", "ORG")]


def test_person_mentions_holding_object_words_are_dropped():
    body = "Aplikasi itu ada di Play Store sejak Senin."
    assert got(body, span(body, "Play Store", "PERSON")) == []


def test_the_knowledge_bases_own_spans_are_kept():
    body = "Kerja sama dengan Bank Danamon diumumkan."
    m = span(body, "Bank Danamon", source="rule")
    m.entity_id = "org:bank-danamon"
    out = clean_mentions(body, [m])
    assert [(x.text, x.entity_id) for x in out] == [("Bank Danamon", "org:bank-danamon")]


def test_a_name_after_a_title_or_a_speech_verb_is_a_person():
    body = "Direktur Utama Hendra Kusuma Jaya membuka acara, kata Sinta Maharani Putri."
    spans = [span(body, "Hendra Kusuma Jaya"), span(body, "Sinta Maharani Putri", "PLACE")]
    assert got(body, *spans) == [("Hendra Kusuma Jaya", "PERSON"), ("Sinta Maharani Putri", "PERSON")]


def test_an_office_after_a_title_stays_an_organisation():
    body = "Menurut Kepala Biro Hubungan Masyarakat kementerian itu, izin terbit."
    assert got(body, span(body, "Biro Hubungan Masyarakat")) == [("Biro Hubungan Masyarakat", "ORG")]


def test_trailing_lower_case_words_are_cut_from_a_name():
    body = "Unit PLTP Kamojang binary plant mulai beroperasi."
    assert got(body, span(body, "PLTP Kamojang binary plant", "PLACE")) == [("Kamojang", "PLACE")]


def test_a_longer_company_name_is_not_split_without_a_title():
    body = "Saham Kalbe Inti Sehat naik tajam pekan ini."
    assert got(body, span(body, "Kalbe Inti Sehat")) == [("Kalbe Inti Sehat", "ORG")]


def test_a_page_fragment_across_a_dash_is_split_and_its_common_word_dropped():
    body = "Jakarta, FORTUNE - Anak usaha itu menjual anak perusahaan lain."
    assert got(body, span(body, "FORTUNE - Anak")) == [("FORTUNE", "ORG")]


def test_a_country_after_a_currency_word_is_no_place():
    body = "Nilainya 30 juta dolar AS atau Rp 450 miliar."
    assert got(body, span(body, "AS", "PLACE")) == []


def test_a_wire_ticker_is_cut_from_the_name():
    body = "Pertamina PERTM.UL menandatangani kontrak."
    assert got(body, span(body, "Pertamina PERTM.UL")) == [("Pertamina", "ORG")]


def test_a_person_after_a_title_with_its_portfolio_is_split_from_the_company():
    body = "Direktur Retail dan Niaga PLN Edi Srimulyanti menyampaikan rencana itu."
    assert got(body, span(body, "PLN Edi Srimulyanti")) == [("PLN", "ORG"), ("Edi Srimulyanti", "PERSON")]


def test_a_maker_and_a_model_with_an_ev_tail_is_a_product():
    body = "Toyota juga menyiapkan Hilux BEV untuk pasar lokal."
    assert got(body, span(body, "Hilux BEV", "PERSON")) == [("Hilux BEV", "PRODUCT")]


def test_investment_terms_meeting_names_and_follow_us_lines_are_no_entities():
    body = "Arus FDI naik, kata GMS perseroan. Ikuti kami di Google News."
    assert got(body, span(body, "FDI"), span(body, "GMS"), span(body, "Google News")) == []


def test_a_permit_or_a_meeting_the_model_took_for_a_person_is_dropped():
    body = "Perusahaan itu mengurus Izin Stasiun Radio usai Rakor Dukbis pekan lalu."
    assert got(body, span(body, "Izin Stasiun Radio", "PERSON"), span(body, "Rakor Dukbis", "PERSON")) == []


def test_the_word_bumn_before_a_known_company_is_stripped():
    body = "Proyek digarap BUMN Wijaya Karya tahun ini."
    assert got(body, span(body, "BUMN Wijaya Karya")) == [("Wijaya Karya", "ORG")]
