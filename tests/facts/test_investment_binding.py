"""INVESTMENT on sentences of the project's own: one amount however many written forms
it has, the investor the sentence names (not the place, not the one that receives the
money), and the amount bound to the project of its clause."""
from __future__ import annotations


def _inv(facts):
    return [f for f in facts if f.type == "INVESTMENT"]


def test_a_range_of_amounts_each_with_its_conversion_is_one_investment(extract):
    facts = extract("JAKARTA - Toyota dan Honda akan berinvestasi di kisaran US$ 200 juta atau sekitar Rp 3 triliun "
                    "sampai US$ 400 juta atau sekitar Rp 6 triliun di Jawa Tengah.")
    [f] = _inv(facts)
    assert f.args["amount"]["value"] == 200_000_000 and f.args["amount"]["qualifier"] == "at_least"
    assert f.args["amount_alt"]["value"] == 400_000_000 and f.args["amount_alt"]["qualifier"] == "at_most"
    assert set(f.args["investors"]) >= {"Toyota", "Honda"}


def test_a_conversion_after_mencapai_is_the_same_amount(extract):
    facts = extract("JAKARTA - Toyota menggelontorkan investasi senilai US$ 100 juta atau mencapai Rp 1,5 triliun.")
    [f] = _inv(facts)
    assert f.args["investor"] == "Toyota" and f.args["amount"]["value"] == 100_000_000


def test_the_industrial_estate_of_the_plant_is_no_investor(extract):
    facts = extract("JAKARTA - Toyota membangun pabrik baru di kawasan industri Jababeka Cikarang, Jawa Barat, "
                    "dengan total nilai investasi mencapai Rp 900 miliar.")
    [f] = _inv(facts)
    assert f.args["investor"] == "Toyota"


def test_the_partners_of_the_subject_invest_with_it(extract):
    facts = extract("JAKARTA - Toyota menggandeng Honda, Astra International (ASII), dan Pertamina berencana "
                    "berinvestasi US$ 3 miliar untuk pengembangan baterai.")
    [f] = _inv(facts)
    assert f.args["investor"] == "Toyota"
    assert {"Honda", "Pertamina"} <= set(f.args["investors"])


def test_the_organisation_after_the_investment_noun_is_the_investor(extract):
    facts = extract("JAKARTA - Kerja sama ini ditandai dengan investasi Toyota pada perusahaan rintisan itu "
                    "sebesar lebih dari US$ 500 juta.")
    [f] = _inv(facts)
    assert f.args["investor"] == "Toyota" and f.args["amount"]["value"] == 500_000_000


def test_who_receives_funding_is_not_its_investor(extract):
    facts = extract("JAKARTA - Tokopedia dikabarkan mendapat suntikan dana hingga US$ 1 miliar atau setara Rp 15 triliun.")
    assert not any(f.args["investor"] == "Tokopedia" for f in _inv(facts))


def test_a_sum_a_project_needs_is_no_investment(extract):
    facts = extract("JAKARTA - Menurut Toyota, proyek bendungan itu membutuhkan investasi 2 miliar dolar AS.")
    assert _inv(facts) == []


def test_the_amount_of_a_project_withdrawn_from_is_a_cancelled_investment(extract):
    facts = extract("JAKARTA - Toyota has formally withdrawn from a 30 trillion rupiah ($2 billion) project "
                    "to build a battery plant in Indonesia.")
    [f] = _inv(facts)
    assert f.args["investor"] == "Toyota" and f.args["amount"]["value"] == 30_000_000_000_000
    assert f.status == "cancelled"
