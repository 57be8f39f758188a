"""ROLE and QUOTE, the two fact types about people: the stage's entry points.

Both share one index of the people a document names (warta.facts.names.People): the NER's
persons with the titles and organisation words it left on them trimmed, plus the names the
role and speech patterns find, so that a quote's "ujar Budi" or "tuturnya" resolves to the
full name a title gave earlier.  The patterns are in warta.facts.roles and warta.facts.quotes;
their words (titles, speech verbs, ministries, stop words) in warta/data/facts/people.yaml.
"""
from __future__ import annotations

from warta.facts import quotes as _quotes
from warta.facts import roles as _roles
from warta.facts.context import DocView
from warta.facts.names import People
from warta.model import Fact


def people_of(v: DocView) -> People:
    """One People index per document view, shared by ROLE and QUOTE (ROLE runs first and
    records the names its titles introduce)."""
    if getattr(v, "_people", None) is None:
        v._people = People(v)
    return v._people


def roles(v: DocView) -> list[Fact]:
    return _roles.roles(v, people_of(v))


def quotes(v: DocView) -> list[Fact]:
    # the roles' names first, whichever extractor the caller runs first
    if getattr(v, "_people", None) is None:
        _roles.roles(v, people_of(v))
    return _quotes.quotes(v, people_of(v))
