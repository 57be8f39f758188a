"""HTML pages: the headline the reader sees, and the article trafilatura found kept whole."""
from __future__ import annotations

from warta.clean.html import html_to_page
from warta.clean.text import clean_extracted

PAGE = """<html><head><title>Pabrik Baterai Baru Mulai Dibangun di Batang | Warta Contoh</title>
<meta property="og:site_name" content="Warta Contoh"></head><body>
<header><h1 class="logo">Warta Contoh</h1><nav><a href="/">Beranda</a> <a href="/eko">Ekonomi</a></nav></header>
<article><h1>Pabrik Baterai Baru Mulai Dibangun di Batang, Jawa Tengah</h1>
<p>BATANG - Konsorsium produsen baterai memulai pembangunan pabrik sel baterai di kawasan industri Batang pada
Senin, dengan kapasitas awal sepuluh gigawatt jam per tahun menurut keterangan perusahaan.</p>
<h2>Tahap pertama</h2>
<p>Tahap pertama pabrik ditargetkan beroperasi dua tahun lagi dan akan memasok pabrikan mobil listrik di dalam
negeri, kata direktur proyek kepada wartawan di lokasi pembangunan.</p>
</article><footer>Hak cipta Warta Contoh</footer></body></html>"""


def test_the_headline_is_the_articles_h1_not_the_logo_or_the_tab_title():
    assert html_to_page(PAGE).title == "Pabrik Baterai Baru Mulai Dibangun di Batang, Jawa Tengah"


def test_without_an_h1_the_tab_title_loses_the_site_name():
    page = PAGE.replace("<h1>Pabrik Baterai Baru Mulai Dibangun di Batang, Jawa Tengah</h1>", "")
    page = page.replace('<h1 class="logo">Warta Contoh</h1>', "")
    assert html_to_page(page).title == "Pabrik Baterai Baru Mulai Dibangun di Batang"


def test_extracted_text_keeps_subheadings_and_drops_chrome_lines():
    text = ("Konsorsium produsen baterai memulai pembangunan pabrik sel baterai di kawasan industri pada Senin.\n"
            "Tahap pertama\n"
            "Baca Juga:\n"
            "Harga Nikel Turun Lagi\n"
            "Tahap pertama pabrik ditargetkan beroperasi dua tahun lagi, kata direktur proyek kepada wartawan.\n"
            "Daftar isi\n")
    c = clean_extracted(text)
    assert "Tahap pertama" in c.paragraphs
    assert not any("Baca Juga" in p or "Harga Nikel" in p for p in c.paragraphs)
    assert c.paragraphs[-1].startswith("Tahap pertama pabrik")


def test_authors_lose_labels_dates_job_titles_and_repeats():
    from warta.clean.html_authors import clean_authors
    assert clean_authors(["Written By Rina Wulandari"]) == ["Rina Wulandari"]
    assert clean_authors(["Rina Wulandari February 8"]) == ["Rina Wulandari"]
    assert clean_authors(["Rina Wulandari Senior Editor"]) == ["Rina Wulandari"]
    assert clean_authors(["Rina Putri Wulandari", "Rina Wulandari"]) == ["Rina Putri Wulandari"]
    assert clean_authors(["Rina Wulandari", "Ph D"]) == ["Rina Wulandari, Ph D"]


def test_a_byline_element_names_the_author_when_the_meta_tags_do_not():
    page = PAGE.replace("<article>", '<article><span class="author-name">Rina Wulandari</span>')
    assert html_to_page(page).authors == ["Rina Wulandari"]
