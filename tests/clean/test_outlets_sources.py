"""The outlet of a page (from its url and its lead), the lead's dateline, and the
other outlets an article cites.  Sentences written for these tests."""
from __future__ import annotations

from warta.clean.lead import parse_lead
from warta.clean.metadata import extract_metadata
from warta.clean.outlets import outlet_from_url, resolve_site
from warta.clean.sources import cited_sources
from warta.clean.text import clean_lines


def _meta(page: str, url: str | None):
    return extract_metadata(clean_lines(page), url=url)


PAGE = """Menu Berita Ekonomi
Bank Contoh Buka 40 Cabang Baru di Sulawesi
{lead} Bank Contoh membuka 40 kantor cabang baru di Sulawesi tahun ini untuk menjangkau nasabah di daerah.

Direktur Bank Contoh, Rina Wulandari, mengatakan ekspansi itu dibiayai dari laba tahun lalu.

Perseroan juga menyiapkan 200 mesin ATM baru di wilayah yang sama.
"""


def test_listed_domain_names_the_outlet():
    assert outlet_from_url("https://ekonomi.kompas.com/read/2024/01/01/contoh") == ("Kompas.com", True)
    assert outlet_from_url("https://amp.kontan.co.id/news/contoh")[0] == "Kontan"
    assert outlet_from_url("https://finance.detik.com/berita/d-1/contoh")[0] == "detikFinance"


def test_regional_edition_takes_its_section_name():
    assert outlet_from_url("https://jogja.antaranews.com/berita/1/contoh")[0] == "ANTARA Jogja"
    assert outlet_from_url("https://m.antaranews.com/berita/1/contoh")[0] == "ANTARA"


def test_unlisted_domain_is_named_after_itself():
    name, known = outlet_from_url("https://www.beritacontohku.com/2024/contoh")
    assert (name, known) == ("Beritacontohku", False)


def test_unlisted_domain_as_the_page_writes_it():
    site, _ = resolve_site(None, False, "https://beritacontohku.id/a", "Copyright 2024 BeritaContohku.id")
    assert site == "BeritaContohku.id"


def test_wire_credit_on_another_outlets_page_is_a_cited_source():
    m = _meta(PAGE.format(lead="JAKARTA (Reuters) -"), "https://www.dailymail.co.uk/wires/reuters/contoh.html")
    assert m.site == "Daily Mail"
    assert m.dateline == "Jakarta"
    assert "Reuters" in m.cited_sources


def test_wire_credit_on_its_own_page_is_the_site():
    m = _meta(PAGE.format(lead="JAKARTA (Reuters) -"), "https://www.reuters.com/business/contoh")
    assert m.site == "Reuters"
    assert m.cited_sources == []


def test_without_url_the_lead_names_the_site():
    m = _meta(PAGE.format(lead="Makassar, KOMPAS.com -"), None)
    assert (m.site, m.dateline) == ("KOMPAS.com", "Makassar")


def test_outlet_name_in_the_lead_is_not_a_dateline():
    m = _meta(PAGE.format(lead="CONTOHWARTA, Cibinong -"), "https://contohwarta.com/ekonomi/1")
    assert m.dateline == "Cibinong"
    assert m.site.lower() == "contohwarta"
    m = _meta(PAGE.format(lead="Contohwarta Post -"), "https://www.contohwarta-post.com/1")
    assert m.dateline is None


def test_lead_forms():
    assert parse_lead("Makassar -").dateline == "Makassar"
    assert parse_lead("JAKARTA. Bank Contoh membuka cabang baru.").dateline == "Jakarta"
    assert parse_lead("CONTOH.CO.ID - MAKASSAR. Bank Contoh membuka cabang.").dateline == "Makassar"
    assert parse_lead("Contoh.com, JAKARTA--Bank Contoh membuka cabang.").dateline == "Jakarta"
    lead = parse_lead("Contohwarta | Jakarta - Bank Contoh membuka cabang.")
    assert lead.dateline == "Jakarta" or lead.site == "Jakarta"
    lead = parse_lead("MEDAN/BINJAI, 3 Mei (Reuters) - Bank Contoh membuka cabang.")
    assert lead.dateline == "Medan/Binjai" and lead.site == "Reuters" and lead.credit


def test_cited_after_a_cue_stops_at_the_sentence_end():
    body = "Rencana itu disampaikan direksi, seperti dikutip dari Kontan.  Menurut direksi, cabang baru dibuka Mei."
    assert cited_sources(body) == ["Kontan"]


def test_cited_by_a_known_outlet_before_a_report_verb():
    body = "Bank Contoh sedang menjajaki akuisisi, Bloomberg reported on Friday, citing people familiar with the talks."
    assert "Bloomberg" in cited_sources(body)
    body = "Direksi menyampaikan hal itu kepada Reuters pekan lalu."
    assert cited_sources(body) == ["Reuters"]


def test_unknown_name_after_a_media_cue_is_not_cited():
    assert cited_sources("Hal itu disampaikan Rina kepada Budi Santoso di Makassar.") == []


def test_closing_credit_of_the_article():
    body = "Bank Contoh membuka cabang baru.\n\nPerseroan menyiapkan ATM baru. (Antara)"
    assert cited_sources(body) == ["Antara"]


def test_lowercase_outlet_after_a_cue():
    assert cited_sources("Pernyataan itu dilansir detikcom, Senin (3/6/2024).") == ["detikcom"]


def test_longer_name_wins_over_its_prefix():
    body = "Rencana itu diberitakan Nikkei Asia pada Senin. Menurut laporan Nikkei Asia, pabrik dibuka 2026."
    assert cited_sources(body) == ["Nikkei Asia"]


def test_the_outlet_does_not_cite_itself():
    page = PAGE.format(lead="Makassar, Contoh.com -").replace(
        "tahun lalu.", "tahun lalu, kepada Kompas.com.")
    m = _meta(page, "https://money.kompas.com/read/1")
    assert m.site == "Kompas.com"
    assert m.cited_sources == []


def test_no_outlet_from_an_address_without_a_name():
    assert outlet_from_url("http://127.0.0.1:8000/page") == (None, False)
    assert outlet_from_url(None) == (None, False)
    assert outlet_from_url("http://localhost/page") == (None, False)


def test_unlisted_section_host_names_the_outlet():
    assert outlet_from_url("https://majalahcontoh.grupcontoh.id/a/b")[0] == "Majalahcontoh"


def test_domain_after_a_cue_is_cited():
    assert cited_sources("Data itu dilansir dari contohdata.org (7/5/2024).") == ["contohdata.org"]
    assert cited_sources("The ministry said so on Friday, as quoted by www.contohberita.co.id.") == ["contohberita.co.id"]


def test_known_outlet_after_dalam():
    assert cited_sources("ujar Rina dalam CNBC Indonesia pekan lalu.") == ["CNBC Indonesia"]
