"""The date of an HTML page is the publication time it states: a published meta tag
before a modified one, JSON-LD, a <time> element; a bare year padded to 1 January
is no date."""
from __future__ import annotations

from trafilatura.utils import load_html

from warta.clean.html import html_to_page
from warta.clean.html_date import from_tree, padded_year

BODY = """<body><article><h1>Pabrik Baterai Baru Mulai Dibangun di Batang</h1>
<p>BATANG - Konsorsium produsen baterai memulai pembangunan pabrik sel baterai di kawasan industri Batang pada
Senin, dengan kapasitas awal sepuluh gigawatt jam per tahun menurut keterangan perusahaan.</p>
<p>Tahap pertama pabrik ditargetkan beroperasi dua tahun lagi dan akan memasok pabrikan mobil listrik di dalam
negeri, kata direktur proyek kepada wartawan di lokasi pembangunan.</p>
</article><footer>{footer}</footer></body>"""


def page(head: str = "", footer: str = "Hak cipta Warta Contoh") -> str:
    return f"<html><head><title>Pabrik Baterai</title>{head}</head>{BODY.format(footer=footer)}</html>"


def test_the_published_time_not_the_modified_one():
    head = ('<meta property="article:modified_time" content="2025-06-01T08:00:00+07:00">'
            '<meta content="2024-03-04T10:15:00+07:00" property="article:published_time">')
    assert html_to_page(page(head)).published == "2024-03-04T10:15:00+07:00"


def test_json_ld_then_the_time_element():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2025-01-09",'
          ' "datePublished": "2024-11-20T07:30:00Z"}</script>')
    assert from_tree(load_html(page(ld))) == "2024-11-20T07:30:00Z"
    timed = page().replace("<article>", '<article><time datetime="2023-05-06">6 Mei 2023</time>')
    assert from_tree(load_html(timed)) == "2023-05-06"
    assert from_tree(load_html(page())) is None


def test_a_year_padded_to_the_first_of_january_is_no_date():
    assert padded_year("2025-01-01", page(footer="© 2025 Warta Contoh"))
    assert not padded_year("2025-01-01", page(footer="Terbit 2025-01-01"))
    assert not padded_year("2025-03-01", page())
    assert not (html_to_page(page(footer="© 2025 Warta Contoh")).published or "").endswith("-01-01")
