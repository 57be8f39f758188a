"""Sentence splitting that survives Indonesian news text."""
from __future__ import annotations

import pytest

from warta.nlp.sentences import split_sentences

CASES = [
    ("PT Astra International Tbk. mencatat laba. Saham naik.", 2),
    ("Harga naik s.d. 5 persen. Permintaan tetap tinggi.", 2),
    ("Produk mobil, motor, dll. dijual di sini.", 1),
    ("Produk mobil, motor, dll. Penjualan naik.", 2),
    ("Nilainya Rp 1,5 triliun. Angka itu naik.", 2),
    ("Rapat digelar pukul 12.00 WIB di Jakarta. Hasilnya diumumkan sore.", 2),
    ("Kontrak diteken pada 15/10/2023 di Beijing. Nilainya rahasia.", 2),
    ("\"Kami senang. Sangat senang,\" kata Budi. Ia tersenyum.", 2),
    ("Dr. Andi hadir. Ia berbicara.", 2),
    ("Produksi mencapai 34.000 unit. Target tahun depan 40.000 unit.", 2),
    ("The deal is worth $4.5 billion. It closes in May.", 2),
    ("Luasnya 5.000 meter persegi. pasalnya, lokasinya strategis.", 2),
    ("Apa kabar? Baik sekali!", 2),
    ("Jl. Sudirman No. 5 ramai. Polisi berjaga.", 2),
]


@pytest.mark.parametrize("text,n", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence_count(text, n):
    ss = split_sentences(text)
    assert len(ss) == n, [s.text for s in ss]
    assert all(text[s.start:s.end] == s.text for s in ss)


def test_never_across_a_paragraph_break():
    ss = split_sentences("Paragraf pertama tanpa titik\n\nParagraf kedua.")
    assert [s.text for s in ss] == ["Paragraf pertama tanpa titik", "Paragraf kedua."]
