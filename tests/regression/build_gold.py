"""Builds the development set from articles.yaml: each article's page (its body
wrapped in the chrome of a portal style) and its gold file in FORMAT, with every
evidence offset computed from the body, never typed by hand.

usage: python tests/regression/build_gold.py   (rewrites pages/ and gold/)
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

HERE = Path(__file__).parent
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]


def _date_parts(iso: str) -> dict:
    import datetime as dt
    d = dt.datetime.fromisoformat(iso)
    return {"day": DAYS[d.weekday()], "d": d.day, "m": d.month, "mon": MONTHS[d.month - 1], "y": d.year,
            "hm": f"{d.hour:02d}:{d.minute:02d}", "hm_dot": f"{d.hour:02d}.{d.minute:02d}", "en_mon": d.strftime("%B")}


STYLES = {
    "okezone": ("HOME  EKONOMI  OTOMOTIF\n\n{title}\n\n{author} , Jurnalis-{day}, {d} {mon} {y} |{hm} WIB\n{title}\n"
                "Ilustrasi. (Foto: Dok. Okezone)\nA\nA\nA\n\n{body}\n\n({editor} )\n\nTerpopuler\n- Harga Emas Hari Ini Turun\n"
                "- 5 Mobil Bekas Murah di Bawah Rp100 Juta\nTerkini\n-\nJadwal SIM Keliling Jakarta Hari Ini\n-\nCara Cek Tilang Elektronik\n"),
    "kompas": ("KOMPAS.com  EKONOMI\n{title}\nKompas.com - {d:02d}/{m:02d}/{y}, {hm} WIB\nPenulis: {author} | Editor: {editor}\n{title}\n"
               "Ilustrasi. (Foto: Shutterstock)\n\n{body_bacajuga}\n\nBerita Terkait\nHarga Nikel Dunia Melemah\nRupiah Menguat Tipis\n"
               "Copyright 2024 Kompas.com\n"),
    "detik": ("detikOto  Berita\n{title}\n{author} - detikOto\n{day}, {d:02d} {mon3} {y} {hm} WIB\n"
              "Foto: Ilustrasi (Getty Images)\n\n{body}\n\n(rgr/din)\nBerita Terkait\nMotor Listrik Makin Laris\nHarga BBM Turun\n"),
    "cnbc": ("CNBC Indonesia  News\n{title}\n{day}, {d:02d}/{m:02d}/{y} {hm} WIB\n{author}, CNBC Indonesia\n"
             "Foto: Ilustrasi (CNBC Indonesia/Dok)\n\n{body}\n\nADVERTISEMENT\nSaksikan video di bawah ini:\nVideo: Pasar Mobil Listrik RI\n"),
    "english": ("Business  Markets  Autos\n{title}\nBy {author}\n{en_mon} {d}, {y} {hm} GMT+7\n\n{body}\n\n"
                "Reporting by {author}; Editing by {editor}\nRead Next\nNickel prices slip\n"),
}
MON3 = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def page(a: dict) -> str:
    parts = _date_parts(a["published"])
    body = "\n\n".join(a["body"])
    paras = list(a["body"])
    paras.insert(min(2, len(paras)), "Baca juga: Penjualan Mobil Listrik Naik Dua Kali Lipat")
    return STYLES[a["style"]].format(title=a["title"], author=a["author"], editor=a.get("editor", ""), body=body,
                                     body_bacajuga="\n\n".join(paras), mon3=MON3[parts["m"] - 1], **parts)


def gold(a: dict) -> dict:
    body = "\n\n".join(a["body"])
    facts = []
    for f in a.get("facts", []):
        evidence = []
        for sent in f.pop("evidence"):
            start = body.find(sent)
            if start < 0:
                raise SystemExit(f"{a['name']}: evidence not in body: {sent[:60]!r}")
            evidence.append({"sentence": sent, "start": start, "end": start + len(sent)})
        facts.append({**f, "evidence": evidence})
    # as in the founding examples: the dateline is a place of the article, the site an optional organisation
    lead = body.split(" - ")[0].split(",")[0].strip()
    extra = []
    if a.get("dateline") and not any(e["name"] == a["dateline"] for e in a["entities"]):
        extra.append({"type": "PLACE", "name": a["dateline"], "aliases_in_text": [lead]})
    if a.get("site"):
        brand = a["site"].split(".")[0].title() if "." in a["site"] else a["site"]
        extra.append({"type": "ORG", "name": a["site"], "optional": True, "alt_names": [brand]})
    ents = []
    for e in [*a["entities"], *extra]:
        for s in e.get("aliases_in_text", [e["name"]]):
            if s not in body:
                raise SystemExit(f"{a['name']}: entity surface not in body: {s!r}")
        ents.append({"type": e["type"], "name": e["name"], "aliases_in_text": e.get("aliases_in_text", [e["name"]]),
                     "alt_names": e.get("alt_names", []), **({"optional": True} if e.get("optional") else {})})
    published = a["published"] + ("+07:00" if "+" not in a["published"] else "")
    meta = {"title": a["title"], "published": published, "authors": [a["author"]],
            "editors": [a["editor"]] if a.get("editor") and a["style"] in ("okezone", "kompas") else [],
            "site": a.get("site"), "dateline": a.get("dateline"), "cited_sources": a.get("cited_sources", [])}
    return {"doc_id": a["name"], "language": a.get("language", "id"), "metadata": meta, "body": body,
            "entities": ents, "facts": facts}


def main() -> None:
    arts = yaml.safe_load((HERE / "articles.yaml").read_text(encoding="utf-8"))
    (HERE / "pages").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    for a in arts:
        (HERE / "pages" / f"{a['name']}.txt").write_text(page(a), encoding="utf-8")
        g = gold(json.loads(json.dumps(a)))
        (HERE / "gold" / f"{a['name']}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(arts)} articles")


if __name__ == "__main__":
    main()
