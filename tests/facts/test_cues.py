"""Each cue family on sentences of the project's own, through the whole pipeline:
the fact, its status and its certainty."""
from __future__ import annotations

import pytest

PARTNERSHIPS = [
    ("JAKARTA - Toyota menjajaki kerja sama dengan PLN untuk membangun SPKLU.", {"Toyota", "PLN"}, "exploring", "asserted"),
    ("JAKARTA - Toyota tengah bernegosiasi dengan PLN soal pasokan listrik.", {"Toyota", "PLN"}, "negotiating", "asserted"),
    ("JAKARTA - Toyota dan PLN menandatangani nota kesepahaman pengembangan hidrogen.", {"Toyota", "PLN"}, "agreed", "asserted"),
    ("JAKARTA - Toyota resmi menggandeng PLN untuk proyek kendaraan listrik.", {"Toyota", "PLN"}, "agreed", "asserted"),
    ("JAKARTA - Toyota membatalkan kerja sama dengan PLN karena biaya membengkak.", {"Toyota", "PLN"}, "ended", "asserted"),
    ("JAKARTA - Toyota dikabarkan berdiskusi dengan PLN mengenai pasokan listrik.", {"Toyota", "PLN"}, "negotiating", "hedged"),
    ("JAKARTA - Toyota kabarnya menjalin kemitraan dengan PLN.", {"Toyota", "PLN"}, "agreed", "hedged"),
    ("JAKARTA - Toyota belum menandatangani perjanjian dengan PLN.", {"Toyota", "PLN"}, "negotiating", "asserted"),
    ("JAKARTA - Hyundai teams up with LG Energy Solution on battery cells.", {"Hyundai Motor Company", "LG Energy Solution"}, "agreed", "asserted"),
    ("JAKARTA - Hyundai is reportedly in talks with LG Energy Solution about a second plant.",
     {"Hyundai Motor Company", "LG Energy Solution"}, "negotiating", "hedged"),
]


@pytest.mark.parametrize("text,parties,status,certainty", PARTNERSHIPS, ids=[p[0][10:50] for p in PARTNERSHIPS])
def test_partnership(extract, text, parties, status, certainty):
    got = [f for f in extract(text) if f.type == "PARTNERSHIP"]
    assert len(got) == 1, got
    assert set(got[0].args["parties"]) == parties and got[0].status == status and got[0].certainty == certainty


def test_a_candidate_list_is_one_negotiation_each(extract):
    facts = extract("JAKARTA - Geely sedang berdiskusi dengan Indomobil, Astra, dan Sinar Mas untuk perakitan lokal.")
    pairs = {frozenset(f.args["parties"]) for f in facts if f.type == "PARTNERSHIP"}
    assert pairs == {frozenset({"Geely", x}) for x in ("Indomobil", "Astra International", "Sinar Mas")}


def test_joint_signatories_share_one_fact(extract):
    """Partners listed after the cue: the joint agreement, and each pair (the text
    rarely tells one signing from several)."""
    facts = extract("JAKARTA - PLN menandatangani kerja sama dengan Pertamina dan Electrum untuk SPKLU.")
    groups = {frozenset(f.args["parties"]) for f in facts if f.type == "PARTNERSHIP"}
    assert frozenset({"PLN", "Pertamina", "Electrum"}) in groups
    assert {frozenset({"PLN", "Pertamina"}), frozenset({"PLN", "Electrum"})} <= groups
    assert all(f.status == "agreed" for f in facts if f.type == "PARTNERSHIP")


def test_no_partnership_without_a_named_partner(extract):
    assert not [f for f in extract("JAKARTA - Toyota akan berkolaborasi dengan sejumlah perusahaan rintisan.") if f.type == "PARTNERSHIP"]


def test_a_news_agency_is_never_a_party(extract):
    facts = extract("JAKARTA - Dikutip dari kantor berita Antara, Toyota menjalin kemitraan dengan PLN.")
    assert all("Antara" not in f.args.get("parties", []) for f in facts)


@pytest.mark.parametrize("text,investor,value,currency,status", [
    ("JAKARTA - Toyota berkomitmen menginvestasikan Rp 27 triliun di Indonesia.", "Toyota", 27e12, "IDR", "committed"),
    ("JAKARTA - Toyota berencana menginvestasikan US$1 miliar di Karawang.", "Toyota", 1e9, "USD", "planned"),
    ("JAKARTA - Toyota telah menginvestasikan US$500 juta di Karawang.", "Toyota", 5e8, "USD", "completed"),
    ("JAKARTA - Toyota membatalkan rencana investasi Rp 2 triliun di Batang.", "Toyota", 2e12, "IDR", "cancelled"),
])
def test_investment(extract, text, investor, value, currency, status):
    [f] = [f for f in extract(text) if f.type == "INVESTMENT"]
    assert f.args["investor"] == investor and f.args["amount"]["value"] == pytest.approx(value)
    assert f.args["amount"]["currency"] == currency and f.status == status


def test_two_amounts_two_investors(extract):
    facts = [f for f in extract("JAKARTA - Hyundai menginvestasikan US$300 juta, sementara Toyota menginvestasikan Rp 5 triliun.")
             if f.type == "INVESTMENT"]
    assert {(f.args["investor"], f.args["amount"]["currency"]) for f in facts} == {("Hyundai Motor Company", "USD"), ("Toyota", "IDR")}


def test_infrastructure_count_place_and_horizon(extract):
    [f] = [f for f in extract("JAKARTA - PLN akan membangun 1.200 SPKLU di Bandung dalam tiga tahun.") if f.type == "INFRASTRUCTURE"]
    assert f.args["kind"] == "ev_charging" and f.args["count"]["value"] == 1200 and f.args["location"] == "Bandung"
    assert f.args["horizon"] == {"years": 3, "by": "2027"} and f.status == "planned"


def test_facility_with_area(extract):
    [f] = [f for f in extract("JAKARTA - Toyota sedang membangun pabrik baterai di Karawang seluas 40 hektare.") if f.type == "FACILITY"]
    assert f.args["kind"] == "battery_plant" and f.args["location"][0] == "Karawang"
    assert f.args["area"] == {"value": 40, "unit": "ha", "qualifier": None} and f.status == "under_construction"


def test_launch_plan_with_a_corrected_year(extract):
    [f] = [f for f in extract("JAKARTA - Toyota berencana meluncurkan mobil hidrogen tahun 2925 mendatang.") if f.type == "LAUNCH_PLAN"]
    assert f.args["maker"] == "Toyota" and f.args["date"] == {"value": "2025", "as_written": "2925"} and f.flags == ["implausible_year"]


def test_product_in_development(extract):
    [f] = [f for f in extract("JAKARTA - Toyota sedang mengembangkan mobil listrik bernama bZ7X.") if f.type == "PRODUCT"]
    assert f.args["maker"] == "Toyota" and f.args["product"] == "bZ7X" and f.status == "in_development"


def test_every_named_product_is_a_fact_with_its_maker(extract):
    facts = [f for f in extract("JAKARTA - Motor listrik Gesits buatan PT Gesits Technologies Indo akan diproduksi massal pada 2030.")]
    [p] = [f for f in facts if f.type == "PRODUCT"]
    assert (p.args["maker"], p.args["product"], p.status) == ("Gesits Technologies Indo", "Gesits", "planned")
    [lp] = [f for f in facts if f.type == "LAUNCH_PLAN"]
    assert (lp.args["maker"], lp.args["date"]["value"][:4]) == ("Gesits Technologies Indo", "2030")


def test_a_closed_service_is_discontinued(extract):
    [p] = [f for f in extract("JAKARTA - Traveloka resmi menutup layanan Traveloka Eats pada akhir bulan ini.") if f.type == "PRODUCT"]
    assert (p.args["maker"], p.status) == ("Traveloka", "discontinued")


def test_a_production_date_said_after_the_product_is_its_launch_plan(extract):
    text = ("JAKARTA - Skuter listrik bernama Gatra Z7 dirancang oleh PT Arka Mobilindo. "
            "Produksi massalnya pada Maret 2025.")
    [lp] = [f for f in extract(text) if f.type == "LAUNCH_PLAN"]
    assert (lp.args["maker"], lp.args["product"], lp.args["date"]["value"]) == ("Arka Mobilindo", "Gatra Z7", "2025-03")


def test_a_date_in_the_past_after_the_product_is_no_plan(extract):
    text = ("JAKARTA - Skuter listrik bernama Gatra Z7 dirancang oleh PT Arka Mobilindo. "
            "Produksi massalnya pada Maret 2023.")
    assert not [f for f in extract(text) if f.type == "LAUNCH_PLAN"]


def test_a_passive_launch_has_the_thing_before_it_and_the_earlier_maker(extract):
    text = ("JAKARTA - PT Bumi Kencana Properti Tbk terus mematangkan proyek barunya di Medan. "
            "Rencananya proyek Kencana Medan di kawasan Helvetia itu akan diluncurkan pada Oktober 2024.")
    [lp] = [f for f in extract(text) if f.type == "LAUNCH_PLAN"]
    assert "Bumi Kencana Properti" in lp.args["maker"]
    assert (lp.args["product"], lp.args["date"]["value"]) == ("Kencana Medan", "2024-10")


def test_a_launch_into_space_is_no_launch_plan(extract):
    text = "JAKARTA - Satelit Nusantara-9 milik PT Telkom akan diluncurkan ke orbit dengan roket pada Oktober 2024."
    assert not [f for f in extract(text) if f.type == "LAUNCH_PLAN"]


def test_models_in_a_price_list_are_products_of_the_maker_heading_it(extract):
    text = ("JAKARTA - Berikut daftar harga mobil terbaru.\n\nHarga Mobil Listrik Toyota\n"
            "Kestrel Luxe — Rp 310 juta\nKestrel Base — Rp 280 juta\nZ9 Sport — Rp 450 juta\n")
    got = {(f.args["maker"], f.args["product"]) for f in extract(text) if f.type == "PRODUCT"}
    assert got == {("Toyota", "Kestrel"), ("Toyota", "Z9")}
