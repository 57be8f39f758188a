"""People around job titles (warta/nlp/people.py)."""
from __future__ import annotations

from warta.model import MentionSpan
from warta.nlp.people import split_title_inside, titled_people


def span(body: str, text: str, label: str = "ORG", source: str = "model") -> MentionSpan:
    i = body.index(text)
    return MentionSpan(i, i + len(text), text, label, source=source)


def test_a_person_a_title_and_a_company_in_one_mention_are_two_entities():
    body = "Menurut Barbara Navarro Head of Google, kerja sama berlanjut."
    got = split_title_inside(span(body, "Barbara Navarro Head of Google"), body)
    assert [(m.text, m.label) for m in got] == [("Barbara Navarro", "PERSON"), ("Google", "ORG")]


def test_a_company_a_title_and_a_person_in_one_mention():
    body = "quoting BCA Chief Executive Jahja Setiaatmadja, who said"
    got = split_title_inside(span(body, "BCA Chief Executive Jahja Setiaatmadja"), body)
    assert [(m.text, m.label) for m in got] == [("BCA", "ORG"), ("Jahja Setiaatmadja", "PERSON")]


def test_a_name_with_no_title_inside_stays_whole():
    body = "Bank Central Asia Tbk membukukan laba."
    m = span(body, "Bank Central Asia Tbk")
    assert split_title_inside(m, body) == [m]


def test_capitalised_words_after_a_title_and_a_company_are_a_person():
    body = "kata VP Corporate Communications Gojek Kristy Nelwan melalui pesan singkat."
    got = titled_people(body, [span(body, "Gojek", source="rule")])
    assert [(m.text, m.label) for m in got] == [("Gojek", "ORG"), ("Kristy Nelwan", "PERSON")]


def test_no_person_after_a_company_without_a_title_or_before_a_unit_word():
    body = "Saham Gojek Naik Tajam, dan Direktur Gojek Financial Services hadir."
    ms = [span(body, "Gojek", source="rule")]
    assert titled_people(body, ms) == ms
    second = MentionSpan(body.rindex("Gojek"), body.rindex("Gojek") + 5, "Gojek", "ORG", source="rule")
    assert titled_people(body, [second]) == [second]
