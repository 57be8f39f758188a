"""Deals on sentences of the project's own: acquisitions as investments, mergers,
denials and plans in partnerships, names of agreements that are no party, and the
stage a facility is at."""
from __future__ import annotations

import pytest


def _of(facts, ftype):
    return [f for f in facts if f.type == ftype]


def test_an_english_stake_purchase_is_the_buyers_investment(extract):
    facts = extract("JAKARTA - Toyota has agreed to acquire a 40% stake in Astra International from Pertamina for IDR12 trillion.")
    [f] = _of(facts, "INVESTMENT")
    assert f.args["investor"] == "Toyota"
    assert f.args["amount"]["value"] == 12_000_000_000_000 and f.args["amount"]["currency"] == "IDR"
    assert f.status == "committed"


def test_a_planned_acquisition_without_an_amount(extract):
    facts = extract("JAKARTA - Toyota berencana mengakuisisi Astra International tahun depan.")
    [f] = _of(facts, "INVESTMENT")
    assert f.args["investor"] == "Toyota" and f.args["amount"] is None and f.status == "planned"
    assert "Astra" in f.args["target"]


def test_an_investment_without_amount_is_not_repeated(extract):
    facts = extract("JAKARTA - Toyota berencana berinvestasi di Karawang. Toyota juga akan berinvestasi di Subang.")
    assert len(_of(facts, "INVESTMENT")) == 1


def test_a_denial_ends_the_partnership(extract):
    [f] = _of(extract("JAKARTA - Toyota membantah tengah berdiskusi dengan PLN soal pasokan listrik."), "PARTNERSHIP")
    assert f.status == "ended"


def test_an_english_denial_of_talks_ends_them(extract):
    [f] = _of(extract("JAKARTA - Toyota said it was not in any talks with PLN about a power deal."), "PARTNERSHIP")
    assert f.status == "ended"


def test_a_venture_still_to_be_formed_is_explored(extract):
    [f] = _of(extract("JAKARTA - Toyota akan membentuk perusahaan patungan dengan PLN."), "PARTNERSHIP")
    assert set(f.args["parties"]) == {"Toyota", "PLN"} and f.status == "exploring"


def test_a_merger_joins_the_organisations_named_after_it(extract):
    facts = _of(extract("JAKARTA - Merger antara Pertamina dan PLN rampung pekan lalu."), "PARTNERSHIP")
    assert {frozenset(f.args["parties"]) for f in facts} == {frozenset({"Pertamina", "PLN"})}
    assert facts[0].args["purpose"] == "merger"


def test_the_name_of_an_agreement_is_no_party(extract):
    facts = _of(extract("JAKARTA - Toyota menandatangani Memorandum of Understanding (MoU) dengan PLN."), "PARTNERSHIP")
    assert facts and all(not any("Memorandum" in p or p == "MoU" for p in f.args["parties"]) for f in facts)
    assert {"Toyota", "PLN"} <= set(facts[0].args["parties"])


@pytest.mark.parametrize("text,status", [
    ("JAKARTA - Toyota memulai pembangunan pabrik di Karawang.", "under_construction"),
    ("JAKARTA - Pabrik Toyota di Karawang memproduksi mobil listrik.", "operating"),
    ("JAKARTA - Toyota berencana membangun pusat data di Batam.", "planned"),
])
def test_facility_stage(extract, text, status):
    [f] = _of(extract(text), "FACILITY")
    assert f.status == status


def test_the_parent_in_apposition_is_not_the_investor(extract):
    facts = extract("JAKARTA - Astra International, anak usaha Toyota, akan menginvestasikan Rp 2 triliun di Karawang.")
    [f] = _of(facts, "INVESTMENT")
    assert f.args["investor"] == "Astra International"


def test_a_possible_investment_after_a_report_is_hedged(extract):
    facts = extract("JAKARTA - Toyota is reportedly in talks with PLN about a battery plant, sources said. "
                    "Toyota could invest up to IDR5 trillion in the project.")
    [f] = _of(facts, "INVESTMENT")
    assert f.certainty == "hedged"


def test_a_counted_group_is_named_in_the_next_sentence(extract):
    facts = _of(extract("JAKARTA - PLN menggandeng tiga perusahaan untuk membangun SPKLU. "
                        "Ketiga perusahaan tersebut yaitu Pertamina, Toyota dan Astra International."), "PARTNERSHIP")
    pairs = {frozenset(f.args["parties"]) for f in facts}
    assert {frozenset({"PLN", "Pertamina"}), frozenset({"PLN", "Toyota"}), frozenset({"PLN", "Astra International"})} <= pairs


def test_whoever_speaks_of_a_deal_between_two_is_no_party(extract):
    facts = _of(extract("JAKARTA - Menurut Pertamina, kerja sama antara Toyota dan PLN berjalan baik."), "PARTNERSHIP")
    assert {frozenset(f.args["parties"]) for f in facts} == {frozenset({"Toyota", "PLN"})}


def test_an_agreement_to_buy_shares_is_no_partnership(extract):
    facts = extract("JAKARTA - Toyota mencapai kesepakatan untuk mengakuisisi 40 persen saham Astra International.")
    assert not _of(facts, "PARTNERSHIP")


def test_a_denial_that_any_agreement_exists_ends_it(extract):
    [f] = _of(extract("JAKARTA - Toyota menegaskan tidak ada kesepakatan dengan PLN soal pasokan listrik."), "PARTNERSHIP")
    assert f.status == "ended"


@pytest.mark.parametrize("text,status", [
    ("JAKARTA - Toyota dan PLN sepakat untuk tidak melanjutkan kerja sama pengembangan baterai.", "ended"),
    ("JAKARTA - Toyota and PLN will end their partnership next year.", "ended"),
    ("JAKARTA - Toyota urung bekerja sama dengan PLN.", "ended"),
    ("JAKARTA - Toyota mengancam membatalkan kerja sama dengan PLN.", "agreed"),
    ("JAKARTA - Toyota plans to partner with PLN on charging stations.", "exploring"),
    ("JAKARTA - Toyota sedang bernegosiasi dengan PLN soal pasokan listrik.", "negotiating"),
    ("JAKARTA - Toyota telah resmi bermitra dengan PLN.", "agreed"),
])
def test_partnership_stage_by_tense_and_negation(extract, text, status):
    [f] = _of(extract(text), "PARTNERSHIP")
    assert f.status == status


def test_the_author_of_a_cited_rule_is_no_party(extract):
    facts = _of(extract("JAKARTA - PLN bekerja sama dengan Toyota sesuai Peraturan Menteri ESDM Nomor 1 Tahun 2023."), "PARTNERSHIP")
    assert [sorted(f.args["parties"]) for f in facts] == [["PLN", "Toyota"]]

