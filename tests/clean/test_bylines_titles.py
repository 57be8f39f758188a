"""Writers, editors, titles, dates and article bounds on page shapes the founders'
pages did not cover.  Sentences written for these tests."""
from __future__ import annotations

from warta.clean.dates import find_dates
from warta.clean.lines import is_caption
from warta.clean.metadata import extract_metadata
from warta.clean.sources import credited_sources
from warta.clean.stage import clean
from warta.clean.text import clean_lines
from warta.model import Document, WorkDoc
from warta.read.text import page_from_text

P1 = "Bank Contoh membuka 40 kantor cabang baru di Sulawesi tahun ini untuk menjangkau nasabah di daerah terpencil."
P2 = "Direktur Bank Contoh, Rina Wulandari, mengatakan ekspansi itu dibiayai dari laba bersih perseroan tahun lalu."
P3 = "Perseroan juga menyiapkan 200 mesin ATM baru di wilayah yang sama sampai akhir tahun depan, katanya kepada wartawan."


def _meta(page: str, url: str | None = None):
    return extract_metadata(clean_lines(page), url=url)


def test_reporter_in_parentheses_after_the_article_is_the_author_not_an_editor():
    m = _meta(f"Bank Contoh Buka 40 Cabang\n{P1}\n\n{P2}\n\n{P3}\n(Budi Santoso)\nBerita Terkait\n")
    assert m.authors == ["Budi Santoso"]
    assert "Budi Santoso" not in m.editors


def test_label_after_the_article():
    m = _meta(f"Bank Contoh Buka 40 Cabang\n{P1}\n\n{P2}\n\n{P3}\nPenulis: Sari Dewi\n")
    assert m.authors == ["Sari Dewi"]


def test_wire_credit_names_writer_and_editor():
    last = "The bank plans 200 new cash machines in the same region by the end of next year. (Reporting by Budi Santoso; Editing by Rina Wulandari)"
    page = f"Contoh Bank to open 40 branches\nJAKARTA (Reuters) - Contoh Bank will open 40 branches in Sulawesi this year to reach customers in remote areas, its director said.\n\n{last}\n"
    m = _meta(page)
    assert m.authors == ["Budi Santoso"]
    assert m.editors == ["Rina Wulandari"]


def test_reporter_label_after_the_time_and_trailing_comma_byline():
    m = _meta(f"Bank Contoh Buka 40 Cabang\nSenin, 7 Oktober 2024 11:47 Reporter : Sari Dewi\n{P1}\n\n{P2}\n")
    assert m.authors == ["Sari Dewi"]
    m = _meta(f"Bank Contoh Buka 40 Cabang\nSari Dewi,\n7 Oktober 2024, 11:47\n{P1}\n\n{P2}\n")
    assert m.authors == ["Sari Dewi"]


def test_reporter_after_the_outlet_in_a_report_line():
    m = _meta(f"Bank Contoh Buka 40 Cabang\nLaporan Wartawan Contoh.com, Sari Dewi\n{P1}\n\n{P2}\n")
    assert m.authors == ["Sari Dewi"]


def test_source_lines_are_cited():
    assert credited_sources(["Sumber: Contoh Daily", "Source: www.contoh.org", "Sumber: dokumen perusahaan"]) == ["Contoh Daily", "contoh.org"]


def test_dates_with_a_comma_after_the_month_and_with_seconds():
    assert find_dates("Sari · 1 Okt, 2024 08:30")[0][2] == "2024-10-01T08:30:00+07:00"
    assert find_dates("28 Juli 2024 09.12.12 | Waktu baca 2 menit")[0][2] == "2024-07-28T09:12:12+07:00"
    assert find_dates("Senin, 12/06/2023 10:15 WIB")[0][2] == "2023-06-12T10:15:00+07:00"


def test_full_date_above_a_flattened_page_dates_it_when_the_page_prints_none():
    raw = page_from_text(f" date 2024-05-02 Bank Contoh Buka 40 Cabang\n{P1}\n\n{P2}\n", "t1", "test")
    wd = clean(WorkDoc(raw=raw, doc=Document(doc_id="t1")))
    assert wd.doc.metadata.published == "2024-05-02"
    raw = page_from_text(f" date 2024-05-02 Bank Contoh Buka 40 Cabang\nKamis, 9 Mei 2024 10:00 WIB\n{P1}\n\n{P2}\n", "t2", "test")
    wd = clean(WorkDoc(raw=raw, doc=Document(doc_id="t2")))
    assert wd.doc.metadata.published == "2024-05-09T10:00:00+07:00"


def test_url_slug_picks_the_headline_among_head_lines():
    page = f"Menu Nasional Ekonomi Bisnis Olahraga Hiburan Teknologi Otomotif Gaya Hidup Kesehatan\nBank Contoh Buka 40 Cabang Baru di Sulawesi\nEkspansi Dibiayai Laba Bersih Tahun Lalu Menurut Direksi Perseroan\n{P1}\n\n{P2}\n"
    m = _meta(page, "https://contoh.com/ekonomi/bank-contoh-buka-40-cabang-baru-di-sulawesi")
    assert m.title == "Bank Contoh Buka 40 Cabang Baru di Sulawesi"


def test_photo_credit_is_cut_from_the_title():
    m = _meta(f"Bank Contoh Buka 40 Cabang Baru di Sulawesi Kredit Foto: Budi Santoso\n{P1}\n\n{P2}\n")
    assert m.title == "Bank Contoh Buka 40 Cabang Baru di Sulawesi"


def test_caption_forms():
    assert is_caption("Direktur Bank Contoh meresmikan kantor cabang di Makassar, Senin (5/6/2024). (Contoh.com/Budi Santoso)")
    assert is_caption("Direktur Bank Contoh meresmikan kantor cabang di Makassar, Senin (5/6). Foto: Budi Santoso/contoh")
    assert is_caption("Tampilan aplikasi baru Bank Contoh. (Budi Santoso/CONTOH.com)")
    assert not is_caption("Direktur Bank Contoh meresmikan kantor cabang di Makassar, Senin (5/6/2024).")


def test_article_goes_on_after_a_few_inline_links():
    long1 = P2 + " Ia menambahkan, pembukaan cabang dilakukan bertahap sepanjang tahun."
    long2 = P3 + " Target itu sejalan dengan rencana bisnis bank yang disetujui pemegang saham."
    page = f"Bank Contoh Buka 40 Cabang\n{P1}\n- Harga Emas Naik Lagi Hari Ini\n- Saham Bank Menguat Tajam\n- Rupiah Melemah Sore Ini\n{long1}\n{long2}\n"
    c = clean_lines(page)
    assert c.paragraphs == [P1, long1, long2]


def test_page_cut_mid_sentence_keeps_its_last_line():
    cut = "Selain itu, perseroan juga berencana membuka kantor kas di beberapa kabupaten yang selama ini belum"
    c = clean_lines(f"Bank Contoh Buka 40 Cabang\n{P1}\n\n{P2}\n\n{cut}\n")
    assert c.paragraphs[-1] == cut


def test_label_before_the_name_in_a_dated_byline():
    m = _meta(f"Bank Contoh Buka 40 Cabang\noleh Sari Dewi diperbarui 22 Mei 2024, 12:09 WIB\n{P1}\n\n{P2}\n")
    assert m.authors == ["Sari Dewi"]
    assert m.published == "2024-05-22T12:09:00+07:00"


def test_label_and_name_on_two_lines_after_the_article():
    m = _meta(f"Bank Contoh Buka 40 Cabang\n{P1}\n\n{P2}\n\n{P3}\n- Penulis :\n- Sari Dewi\n")
    assert m.authors == ["Sari Dewi"]


def test_a_time_printed_without_its_zone_is_in_the_sites_country():
    page = f"Bank Contoh Buka 40 Cabang\nSenin, 8 Juni 2020 11:08\n{P1}\n\n{P2}\n\n{P3}\n"
    assert _meta(page, "https://www.contoh.com.sg/bank").published == "2020-06-08T11:08:00+08:00"
    assert _meta(page, "https://www.contoh.co.kr/bank").published == "2020-06-08T11:08:00+09:00"
    assert _meta(page, "https://www.contoh.co.id/bank").published == "2020-06-08T11:08:00+07:00"
    assert _meta(page, "https://www.contoh.com/bank").published == "2020-06-08T11:08:00+07:00"   # unknown: WIB
    assert _meta(page.replace("11:08", "11:08 WIT"), "https://www.contoh.com.sg/bank").published.endswith("+09:00")
