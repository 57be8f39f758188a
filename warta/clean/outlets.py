"""The outlet a page comes from, by its url (warta/data/clean/outlets.yaml), and
how it combines with the outlet the page names in its lead ("JAKARTA, KOMPAS.com -")."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from warta.clean.lexicon import load

_KEYS = ("domains", "subdomain_forms", "plain_subdomains")


@lru_cache(maxsize=1)
def _table() -> dict:
    t = load("outlets")
    for k in _KEYS:
        if k not in t:
            raise ValueError(f"outlets.yaml: missing {k!r}")
    for k in ("domains", "subdomain_forms"):
        if not all(isinstance(a, str) and isinstance(b, str) and a == a.lower() for a, b in t[k].items()):
            raise ValueError(f"outlets.yaml: {k} must map lower-case hosts to names")
    return {"domains": t["domains"], "forms": t["subdomain_forms"],
            "plain": {s.lower() for s in t["plain_subdomains"]}}


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").hostname
    return host.lower().rstrip(".") if host else None


def outlet_from_url(url: str | None) -> tuple[str | None, bool]:
    """(outlet name, known): the listed name, or one made from the domain (known False)."""
    host = host_of(url)
    if not host or "." not in host or re.fullmatch(r"[\d.:]+", host):
        return None, False
    t = _table()
    if host in t["domains"]:
        return t["domains"][host], True
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in t["plain"]:
        labels = labels[1:]
    host = ".".join(labels)
    if host in t["domains"]:
        return t["domains"][host], True
    for i in range(1, len(labels) - 1):
        base = ".".join(labels[i:])
        if base in t["forms"] and i == 1:
            return t["forms"][base].format(Sub=labels[0].capitalize(), host=host), True
        if base in t["domains"]:
            return t["domains"][base], True
    reg = registered_domain(labels)
    if len(labels) > len(reg):  # "majalahcontoh.grup.id": the section host is the outlet
        return labels[0][:1].upper() + labels[0][1:], False
    return _from_domain(labels), False


def registered_domain(labels: list[str]) -> list[str]:
    """["berita", "contoh", "co", "id"] -> ["contoh", "co", "id"]."""
    two_level = len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2  # co.id, com.sg
    return labels[-3:] if two_level else labels[-2:]


def _from_domain(labels: list[str]) -> str:
    """"contohberita.com" -> "Contohberita": the name without its top-level domain."""
    name = registered_domain(labels)[0]
    return name[:1].upper() + name[1:]


def domain_as_written(url: str | None, text: str) -> str | None:
    """The page's own domain as the page writes it ("Contohberita.id"), if it does."""
    host = host_of(url)
    if not host or "." not in host:
        return None
    dom = ".".join(registered_domain(host.split(".")))
    m = re.search(rf"(?<![\w.]){re.escape(dom)}(?![\w])", text, re.I)
    return m.group(0) if m else None


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def resolve_site(lead_site: str | None, lead_is_credit: bool, url: str | None,
                 text: str = "") -> tuple[str | None, str | None]:
    """(site, credit): the page's outlet, and a wire credit of the lead that is not the
    outlet itself ("(Reuters)" on another outlet's page) -> a cited source.  `text` is
    the page, where an unlisted outlet may write its own domain."""
    listed, known = outlet_from_url(url)
    if listed is None:
        return lead_site, None
    if not known:
        listed = domain_as_written(url, text) or listed
        if lead_site and domain_as_written(url, lead_site):  # "JAKARTA I Contoh.co -"
            return domain_as_written(url, lead_site), None
    if lead_site is None:
        return listed, None
    if lead_is_credit and _squash(lead_site) not in _squash(listed) and _squash(listed) not in _squash(lead_site):
        return listed, lead_site
    if known:
        return listed, None
    # an unlisted outlet: the lead's name when it is the page's own ("Contoh Post" on contohpost.com)
    own = _squash(".".join(registered_domain(host_of(url).split("."))[:1]))
    lead = _squash(lead_site)
    if lead and (re.fullmatch(r"[\w-]+(?:\.[A-Za-z]{2,})+", lead_site) or lead in own or own in lead or _squash(listed) in lead or lead in _squash(host_of(url))):
        return lead_site, None
    return listed, None
