from __future__ import annotations

import pytest

from warta.clean.dedup import NearDuplicates
from warta.clean.language import detect_language

ID = "Perusahaan itu akan membangun pabrik baterai di Karawang dan menargetkan produksi pada tahun depan, kata direktur utama."
EN = "The company said it would build a battery plant in Karawang and expects production to start next year, its chief executive said."


@pytest.mark.parametrize("text,lang", [(ID, "id"), (EN, "en"), ("12345 67890 !!!", None), ("Xiaomi BYD CATL", None)])
def test_language(text, lang):
    assert detect_language(text) == lang


STORY = ("JAKARTA - Indonesia Battery Corporation dan CATL menandatangani kesepakatan usaha patungan untuk membangun "
         "pabrik sel baterai terintegrasi di Halmahera Timur, Maluku Utara. Nilai investasi proyek itu mencapai US$5,9 miliar. "
         "Pabrik akan dibangun di atas lahan 600 hektare dengan kapasitas awal 15 GWh per tahun. Konstruksi tahap pertama "
         "dijadwalkan dimulai pada semester pertama 2025, kata direktur utama perusahaan kepada wartawan di Jakarta.")


def test_a_syndicated_copy_with_small_edits_is_a_near_duplicate():
    nd = NearDuplicates()
    assert nd.check("a", STORY) is None
    copy = STORY.replace("JAKARTA - ", "Jakarta (ANTARA) - ").replace("kepada wartawan", "kepada ANTARA")
    assert nd.check("b", copy) == "a"


def test_a_different_story_is_not():
    nd = NearDuplicates()
    nd.check("a", STORY)
    other = "Grab dikabarkan kembali menjajaki penggabungan usaha dengan GoTo. Pembicaraan masih berada pada tahap awal " * 3
    assert nd.check("c", other) is None
