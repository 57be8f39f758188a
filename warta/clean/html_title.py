"""An HTML page's headline: the article's own <h1>, not the browser tab's <title>.

The <title> and og:title carry the site's name ("... | Kompas.com", "... - Tastewise")
and are often an SEO variant of the headline.  The headline the reader sees is the
page's <h1>; but a page may have several, one of them the site's logo.  So:
1. the <h1> that best matches the page's own title tags (word overlap, F1 >= 0.5) and
   is not just the site's name;
2. else the only substantial <h1> of the page (4 words or more);
3. else the title tag without its site-name segment.
"""
from __future__ import annotations

import re

from warta import datafiles

SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_T = datafiles.load("thresholds.yaml")["clean"]["title"]
MAX_WORDS = _T["headline_max_words"]


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _overlap_f1(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    both = len(wa & wb)
    return 2 * both / (len(wa) + len(wb))


def _is_site_name(s: str, site: str | None, host: str | None) -> bool:
    w = "".join(_words(s))
    if not w:
        return True
    names = {"".join(_words(x)) for x in (site, host) if x}
    return any(w == n or (len(w) >= 4 and w in n) for n in names if n)


def strip_site(title: str, site: str | None, host: str | None) -> str:
    """The title without a leading or trailing segment that names the site."""
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if _is_site_name(parts[-1], site, host) or re.search(r"\.\w{2,3}$", parts[-1].strip()):
        return _norm(" - ".join(parts[:-1])) if len(parts) > 2 else _norm(parts[0])
    if _is_site_name(parts[0], site, host):
        return _norm(" - ".join(parts[1:]))
    return title


def candidates(tree) -> tuple[list[str], list[str]]:
    """The page's title tags and its <h1> texts (`tree` parsed by lxml.html)."""
    tags = []
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//title/text()"):
        tags += [_norm(str(x)) for x in tree.xpath(xp)[:1]]
    h1s = [_norm(h.text_content()) for h in tree.iter("h1")]
    return [t for t in tags if t], [h for h in h1s if h]


def headline(tags: list[str], h1s: list[str], fallback: str | None = None, site: str | None = None,
             host: str | None = None) -> str | None:
    """The headline from `candidates`; `fallback` is the extractor's own title."""
    refs = [_norm(r) for r in [fallback or "", *tags] if r and _norm(r)]
    h1s = list(dict.fromkeys(h for h in h1s if len(h.split()) <= MAX_WORDS and not _is_site_name(h, site, host)))
    if h1s and refs:
        score, best = max((max(_overlap_f1(h, r) for r in refs), h) for h in h1s)
        if score >= _T["headline_match"]:
            return best
    substantial = [h for h in h1s if len(h.split()) >= 4]
    if len(substantial) == 1:
        return substantial[0]
    if not refs:
        return h1s[0] if h1s else None
    return strip_site(refs[0], site, host)
