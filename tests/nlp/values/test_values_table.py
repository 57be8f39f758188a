"""A table of real-looking money, quantity, date and duration strings with the
values a reader expects, including things that are not amounts."""
from __future__ import annotations

import datetime as dt

import pytest

from warta.nlp.values import find_values

REF = dt.date(2023, 10, 15)
T, B, M, K = 1e12, 1e9, 1e6, 1e3

# (sentence, kind, value, unit, qualifier)
MONEY = [
    ("berkomitmen menginvestasikan sekitar $10 miliar", 10 * B, "USD", "about"),
    ("senilai US$1,3 miliar", 1.3 * B, "USD", None),
    ("investasi USD 1,1 miliar", 1.1 * B, "USD", None),
    ("dana Rp 1,5 triliun", 1.5 * T, "IDR", None),
    ("laba Rp420,4 miliar", 420.4 * B, "IDR", None),
    ("mobil mulai Rp30 jutaan", 30 * M, "IDR", None),
    ("modal 11 triliun won", 11 * T, "KRW", None),
    ("a 50 billion yuan fund", 50 * B, "CNY", None),
    ("worth RM31.6 billion", 31.6 * B, "MYR", None),
    ("hingga Rp 2 triliun", 2 * T, "IDR", "at_most"),
    ("lebih dari US$500 juta", 500 * M, "USD", "more_than"),
    ("sedikitnya Rp 100 miliar", 100 * B, "IDR", "at_least"),
    ("hampir $3 miliar", 3 * B, "USD", "at_most"),
    ("around $4.5 billion", 4.5 * B, "USD", "about"),
    ("Rp 27 triliun hingga 2027", 27 * T, "IDR", None),
    ("sebesar Rp5 T untuk pabrik", 5 * T, "IDR", None),
    ("senilai Rp 750 jt", 750 * M, "IDR", None),
    ("harga Rp 250 ribu", 250 * K, "IDR", None),
    ("hanya Rp 99 rb", 99 * K, "IDR", None),
    ("sebesar 2 miliar dolar AS", 2 * B, "USD", None),
    ("sekitar 1,2 miliar dolar Singapura", 1.2 * B, "SGD", "about"),
    ("senilai 300 juta yen", 300 * M, "JPY", None),
    ("investasi 5 miliar ringgit", 5 * B, "MYR", None),
    ("dana €2 miliar", 2 * B, "EUR", None),
    ("dana 1,5 miliar euro", 1.5 * B, "EUR", None),
    ("S$500 million in funding", 500 * M, "SGD", None),
    ("up to $1 billion", 1 * B, "USD", "at_most"),
    ("more than $200 million", 200 * M, "USD", "more_than"),
    ("at least $50 million", 50 * M, "USD", "at_least"),
    ("US$5,9 miliar atau sekitar Rp 95 triliun", 5.9 * B, "USD", None),
    ("Rp 15,9 triliun sepanjang 2024", 15.9 * T, "IDR", None),
    ("Rp 520 per saham", 520, "IDR", None),
    ("US$200 juta untuk tahap pertama", 200 * M, "USD", None),
    ("Rp 3 triliun hingga Oktober", 3 * T, "IDR", None),
    ("senilai Rp1.500.000", 1_500_000, "IDR", None),
    ("Rp 1.250.000.000", 1_250_000_000, "IDR", None),
    ("$ 25 juta", 25 * M, "USD", None),
    ("dana USD50 juta", 50 * M, "USD", None),
    ("10 billion ringgit over five years", 10 * B, "MYR", None),
    ("kurang lebih Rp 40 miliar", 40 * B, "IDR", "about"),
    ("kira-kira US$700 juta", 700 * M, "USD", "about"),
    ("setidaknya Rp 10 triliun", 10 * T, "IDR", "at_least"),
    ("minimal Rp 1 miliar", 1 * B, "IDR", "at_least"),
    ("maksimal Rp 8 juta", 8 * M, "IDR", "at_most"),
    ("$1,3 miliar", 1.3 * B, "USD", None),
    ("€1.2 billion", 1.2 * B, "EUR", None),
    ("¥500 billion", 500 * B, "JPY", None),
    ("Rp 60 juta", 60 * M, "IDR", None),
    ("50 juta dolar AS", 50 * M, "USD", None),
    ("USD 3,5 juta", 3.5 * M, "USD", None),
]

QUANTITY = [
    ("ada 34.000 unit menara", 34000, "unit", None),
    ("100 ribu titik pengisian", 100000, "point", None),
    ("luas 5.000 meter persegi", 5000, "m2", None),
    ("lahan 120 hektare", 120, "ha", None),
    ("baterai 60,48 kWh", 60.48, "kWh", None),
    ("PLTS 250 MW", 250, "MW", None),
    ("sedikitnya 30 unit proyek", 30, "unit", "at_least"),
    ("lebih dari 5.000 meter persegi", 5000, "m2", "more_than"),
    ("3.000–4.000 unit per bulan", 3000, "unit", None),
    ("12-15 bulan", 12, "month", None),
    ("300 perusahaan rintisan", 300, "company", None),
    ("1.500 SPKLU baru", 1500, "charging_station", None),
    ("500 unit SPBKLU", 500, "unit", None),
    ("kapasitas 10 GWh per tahun", 10, "GWh", None),
    ("120.000 ton per tahun", 120000, "t", None),
    ("lahan 600 hektar", 600, "ha", None),
    ("jalan 25 kilometer", 25, "km", None),
    ("sekitar 2.000 lokasi", 2000, "site", "about"),
    ("10.000 usaha kecil", None, None, None),
    ("3.200 unit SPKLU", 3200, "unit", None),
    ("produksi 150.000 unit per tahun", 150000, "unit", None),
    ("the plant covers 40 hectares", 40, "ha", None),
    ("capacity of 15 GWh", 15, "GWh", None),
    ("capacity for 100,000 vehicles a year", 100000, "vehicle", None),
    ("kapasitas 70 MW", 70, "MW", None),
    ("hampir 1.000 karyawan", 1000, "employee", "at_most"),
    ("sekitar 300 karyawan", 300, "employee", "about"),
    ("2.000 mitra pengemudi", None, None, None),
    ("70.000 unit per tahun", 70000, "unit", None),
    ("seluas 170 hektare", 170, "ha", None),
    ("1,2 juta unit", 1.2 * M, "unit", None),
    ("dua juta ton", 2 * M, "t", None),
    ("5 GW listrik", 5, "GW", None),
    ("40 ribu unit", 40000, "unit", None),
    ("12 diler baru", 12, "dealer", None),
]

PERCENT = [
    ("tumbuh dua persen", 2),
    ("naik 12% ke level", 12),
    ("turun 3,5 persen", 3.5),
    ("sebesar 40 persen", 40),
    ("rose 7.5 percent", 7.5),
    ("naik 20 persen", 20),
]

DATES = [
    ("dipantau Antara (4/7/2020)", "2020-07-04"),
    ("pada Senin, 12 Juni 2023", "2023-06-12"),
    ("kuartal keempat 2021", "2021-Q4"),
    ("semester pertama 2023", "2023-H1"),
    ("awal tahun lalu", "2022"),
    ("tahun depan", "2024"),
    ("tahun lalu", "2022"),
    ("bulan depan", "2023-11"),
    ("bulan lalu", "2023-09"),
    ("kemarin", "2023-10-14"),
    ("15 Oktober", "2023-10-15"),
    ("pada 2026", "2026"),
    ("tahun 2025", "2025"),
    ("tahun 2924 mendatang", "2024"),
    ("sejak 2019", "2019"),
    ("akhir 2024", "2024"),
    ("Maret 2024", "2024-03"),
    ("Q3 2024", "2024-Q3"),
    ("kuartal I 2024", "2024-Q1"),
    ("triwulan kedua 2022", "2022-Q2"),
    ("(16/1/2025)", "2025-01-16"),
    ("Kamis (16/1/2025)", "2025-01-16"),
    ("March 4, 2025", "2025-03-04"),
    ("next year", "2024"),
    ("last year", "2022"),
    ("in 2027", "2027"),
    ("by 2030", "2030"),
    ("1 Juli 2024", "2024-07-01"),
    ("20 Nov 2024", "2024-11-20"),
    ("5 Agustus 2024", "2024-08-05"),
    ("semester kedua 2025", "2025-H2"),
    ("hingga 2027", "2027"),
    ("tahun ini", "2023"),
    ("31 Desember 2023", "2023-12-31"),
    ("pekan depan", "2023-10-22"),
]

DURATIONS = [
    ("dalam tiga tahun", {"years": 3, "by": "2026"}),
    ("dalam tiga tahun mendatang", {"years": 3, "by": "2026"}),
    ("dalam lima tahun", {"years": 5, "by": "2028"}),
    ("dalam 2 tahun", {"years": 2, "by": "2025"}),
    ("selama 10 tahun", {"years": 10, "by": "2033"}),
    ("within three years", {"years": 3, "by": "2026"}),
    ("over the next five years", {"years": 5, "by": "2028"}),
    ("dalam enam bulan", {"months": 6, "by": "2024-04"}),
    ("dalam dua pekan", {"weeks": 2}),
    ("dalam 30 hari", {"days": 30}),
]

NEGATIVES = [
    "rapat pukul 12.00 WIB",
    "jam 16:00 WIB",
    "kurs Rp15.634 per dolar AS",
    "Rp 15.500/USD",
    "hubungi 0812-3456-7890",
    "model VF 5 dan VF 6",
    "BMW M3 terbaru",
    "Xiaomi MS11",
    "iPhone 15 Pro",
    "Ioniq 5 N",
    "nomor 14 di daftar",
    "halaman 3",
    "COVID-19",
    "Pasal 33 ayat 3",
    "tol km 57",
]


@pytest.mark.parametrize("text,value,unit,qual", MONEY, ids=[m[0] for m in MONEY])
def test_money(text, value, unit, qual):
    vs = [v for v in find_values(text, REF, "en" if text.isascii() and " the " in f" {text} " else "id") if v.kind == "MONEY"]
    assert vs, text
    v = vs[0]
    assert v.value == pytest.approx(value) and v.unit == unit and v.qualifier == qual
    assert text[v.start:v.end] == v.text


@pytest.mark.parametrize("text,value,unit,qual", QUANTITY, ids=[q[0] for q in QUANTITY])
def test_quantity(text, value, unit, qual):
    lang = "en" if any(w in text.split() for w in ("the", "of", "covers", "for")) else "id"
    vs = [v for v in find_values(text, REF, lang) if v.kind == "QUANTITY"]
    if value is None:  # a counted noun that is no unit of measure: no quantity claimed
        assert not vs, vs
        return
    assert vs, text
    v = vs[0]
    assert v.value == pytest.approx(value) and v.unit == unit and v.qualifier == qual
    assert text[v.start:v.end] == v.text


def test_range_keeps_its_upper_bound():
    [v] = [v for v in find_values("produksi 3.000–4.000 unit", REF) if v.kind == "QUANTITY"]
    assert v.extra["max"] == 4000


@pytest.mark.parametrize("text,value", PERCENT, ids=[p[0] for p in PERCENT])
def test_percent(text, value):
    vs = [v for v in find_values(text, REF, "en" if "rose" in text else "id") if v.kind == "PERCENT"]
    assert vs and vs[0].value == pytest.approx(value)


@pytest.mark.parametrize("text,value", DATES, ids=[d[0] for d in DATES])
def test_dates(text, value):
    vs = [v for v in find_values(text, REF, "en" if text.isascii() and text[0].isalpha() and text.split()[0] in
                                 ("March", "next", "last", "in", "by") else "id") if v.kind == "DATE"]
    assert vs, text
    assert vs[0].value == value
    assert text[vs[0].start:vs[0].end] == vs[0].text


def test_implausible_year_is_corrected_and_flagged():
    [v] = [v for v in find_values("meluncurkan mobil listrik tahun 2924 mendatang", REF) if v.kind == "DATE"]
    assert v.value == "2024" and v.extra["as_written"] == "2924" and v.flags == ["implausible_year"]
    [ok] = [v for v in find_values("meluncurkan mobil listrik tahun 2025", REF) if v.kind == "DATE"]
    assert ok.flags == []


@pytest.mark.parametrize("text,value", DURATIONS, ids=[d[0] for d in DURATIONS])
def test_durations(text, value):
    vs = [v for v in find_values(text, REF, "en" if text.isascii() and text.split()[0] in ("within", "over") else "id")
          if v.kind == "DURATION"]
    assert vs and vs[0].value == value


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_amounts(text):
    assert [v for v in find_values(text, REF) if v.kind in ("MONEY", "QUANTITY", "PERCENT")] == []


def test_table_size():
    assert len(MONEY) + len(QUANTITY) + len(PERCENT) + len(DATES) + len(DURATIONS) + len(NEGATIVES) >= 150
