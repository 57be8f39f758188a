"""Ingest against extraction, as the store grows: CPU per document of `warta extract`'s
path and of `warta ingest`'s into SQLite and PostgreSQL, on the same generated pages, at
1,000, 5,000 and 20,000 documents, with each process's memory.

Pages: generated Indonesian business-news HTML pages (site chrome, 6-10 paragraphs of
partnership, investment, facility, appointment and quote sentences over a pool of 2,500
companies and 1,500 people, so entities and facts recur and merge across articles);
about 5 % are syndicated near-copies of an earlier page and 2 % new revisions of one.
Nothing is read from the real-set cache.

Both paths run the same pipeline stages before their own part, so the pipeline runs for
real once, in its own process, on the first `--pipeline-docs` pages, and its CPU per
document is added to every mode's own.  Each mode then replays, for every page, the
result the generator knows (its entities with mentions and its facts with evidence),
built before the clock starts: `extract` marks in-run near-duplicates and writes JSON
Lines, as `warta extract` does; `sqlite` and `postgresql` run `warta ingest` (reading
the pages, the stored-page check, near-duplicates against the store, the write).  The
modes run at once, one process each, on the same chunk, each timing its own CPU (user +
system; for PostgreSQL also its server backends', read from /proc), wall time and RSS.
Figures at N are over the chunk that ends at N documents (the marginal cost once the
store holds N).

usage: python bench/ingest.py [--docs 20000] [--chunk 1000] [--pipeline-docs 1000]
                              [--code DIR[:LABEL] ...] [--code-docs N] [--pg URL] [--json OUT]
`--code` runs the modes again with the package from another checkout (e.g. the code
before a change) in the same run, on its first `--code-docs` documents.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKPOINTS = (1000, 5000, 10000, 20000)

# ---------------------------------------------------------------- pages

_SYL = ["ba", "ri", "to", "ka", "su", "ma", "ni", "la", "de", "wa", "ja", "ya", "ha", "ra", "ti", "no", "gu", "sa",
        "pe", "lo", "di", "ku", "me", "na", "bu", "si", "ta", "ro", "mu", "le"]
_ORG_TAIL = ["Nusantara", "Energi", "Mandiri", "Persada", "Teknologi", "Logistik", "Industri", "Digital", "Sejahtera",
             "Abadi", "Perkasa", "Utama", "Makmur", "Global", "Semesta", "Baterai", "Mineral", "Otomotif"]
_FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Rina", "Hendra", "Wulan", "Andi", "Maya", "Joko", "Lestari", "Fajar",
          "Indah", "Yusuf", "Ratna", "Bayu", "Sari", "Teguh", "Putri", "Arif", "Nadia", "Eko", "Intan", "Galih"]
_PLACES = ["Karawang", "Batang", "Morowali", "Kendal", "Cikarang", "Surabaya", "Medan", "Makassar", "Balikpapan",
           "Semarang", "Bekasi", "Gresik", "Batam", "Halmahera", "Konawe", "Subang", "Cilegon", "Palembang"]
_SITES = ["kabarbisnis", "warta-ekonomi", "pasarmodal", "industriterkini", "beritainvestasi", "niagaharian"]
_KINDS = ["sel baterai", "smelter nikel", "komponen otomotif", "panel surya", "semen", "pupuk", "baja ringan",
          "kendaraan listrik", "pusat data", "pengolahan sawit"]
_PURPOSE = ["pengembangan ekosistem kendaraan listrik", "distribusi produk ke Indonesia Timur",
            "pembangunan jaringan pengisian daya", "riset material baterai", "digitalisasi rantai pasok",
            "pengolahan bijih nikel", "ekspansi pasar ekspor"]
_WHEN = ["Pada kuartal ketiga", "Sepanjang semester pertama", "Hingga akhir {month}", "Dalam lima tahun terakhir",
         "Per {month} {year}", "Selama {month}", "Menjelang akhir tahun", "Sejak awal {year}", "Pada pekan lalu"]
_WHAT = ["penjualan {org}", "laba bersih {org}", "produksi {kind} nasional", "permintaan {kind} di {place}",
         "ekspor {kind} dari {place}", "kapasitas pabrik {org} di {place}", "pendapatan {org}", "utilisasi pabrik {kind}",
         "jumlah pelanggan {org}", "harga {kind} di pasar {place}", "belanja modal {org}", "pangsa pasar {org}"]
_HOW = ["naik menjadi", "turun menjadi", "tumbuh sekitar", "tercatat mencapai", "diperkirakan meningkat hingga",
        "melambat menjadi", "bertahan di kisaran", "melonjak hingga", "terkoreksi sekitar"]
_HOW_MUCH = ["{n} persen", "Rp {n},{m} triliun", "{n}.{m}00 ton", "{n} ribu unit", "US$ {n},{m} miliar", "{n},{m} GWh"]
_TAIL = ["", " dibanding periode yang sama tahun lalu", " menurut data {org}", " seperti disampaikan {person}",
         " berdasarkan laporan keuangan perusahaan", " di tengah tekanan harga {kind}"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]


def _filler(rng: random.Random) -> str:
    """A context sentence built from parts, so two articles rarely share its word 3-grams."""
    slots = {"month": rng.choice(_MONTHS), "year": rng.randint(2019, 2025), "org": rng.choice(ORGS),
             "kind": rng.choice(_KINDS), "place": rng.choice(_PLACES), "person": rng.choice(PEOPLE),
             "n": rng.randint(2, 900), "m": rng.randint(1, 9)}
    s = " ".join([rng.choice(_WHEN), rng.choice(_WHAT), rng.choice(_HOW), rng.choice(_HOW_MUCH)]) + rng.choice(_TAIL)
    return s.format(**slots) + "."


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _pools(seed: int = 7):
    rng = random.Random(seed)
    orgs = sorted({f"PT {_name(rng, 3)} {rng.choice(_ORG_TAIL)}" for _ in range(2500)})
    people = sorted({f"{rng.choice(_FIRST)} {_name(rng, 3)}" for _ in range(1500)})
    return orgs, people


ORGS, PEOPLE = _pools()


def _slug(name: str) -> str:
    return name.lower().replace("pt ", "").replace(" ", "-")


def _sentences(rng: random.Random) -> tuple[list[str], list[tuple]]:
    """Sentences, and the facts they state: (type, args, status, sentence index)."""
    a, b = rng.sample(ORGS, 2)
    p, place, n = rng.choice(PEOPLE), rng.choice(_PLACES), rng.randint(2, 90)
    kind = rng.choice(_KINDS)
    k = rng.randrange(5)
    lead = [f"{a} menandatangani nota kesepahaman dengan {b} untuk {rng.choice(_PURPOSE)}.",
            f"{a} dikabarkan tengah menjajaki kerja sama dengan {b} terkait {rng.choice(_PURPOSE)}.",
            f"{a} berencana menanamkan investasi senilai Rp {n} triliun untuk membangun pabrik {kind} di {place}.",
            f"{a} meresmikan pabrik {kind} di {place} dengan kapasitas {n} ribu ton per tahun.",
            f"{a} resmi mengakuisisi {b} dengan nilai transaksi US$ {n} juta."][k]
    facts: list[tuple] = [
        ("PARTNERSHIP", {"parties": [a, b]}, "agreed", 0), ("PARTNERSHIP", {"parties": [a, b]}, "exploring", 0),
        ("INVESTMENT", {"investor": a, "amount": {"value": n * 1e12, "currency": "IDR"}, "target": None}, "planned", 0),
        ("FACILITY", {"owners": [a], "kind": "factory", "location": place}, "operating", 0),
        ("INVESTMENT", {"investor": a, "amount": {"value": n * 1e6, "currency": "USD"}, "target": b}, "completed", 0)][k:k + 1]
    out = [lead]
    j = rng.randrange(4)
    out.append([f"{p}, Direktur Utama {a}, mengatakan proyek tersebut ditargetkan rampung pada {2025 + n % 4}.",
                f"\"Kami melihat potensi besar di {place},\" ujar {p}, Presiden Direktur {a}.",
                f"Menurut {p}, kerja sama dengan {b} akan memperkuat posisi perusahaan di pasar regional.",
                f"{p} ditunjuk sebagai direktur keuangan {b} mulai bulan depan."][j])
    facts.append([("ROLE", {"person": p, "role": "Direktur Utama", "org": a}, None, 1),
                  ("QUOTE", {"speaker": p, "text": f"Kami melihat potensi besar di {place}"}, None, 1),
                  ("QUOTE", {"speaker": p, "text": f"kerja sama dengan {b} akan memperkuat posisi perusahaan"}, None, 1),
                  ("ROLE", {"person": p, "role": "direktur keuangan", "org": b}, None, 1)][j])
    for _ in range(rng.randint(3, 6)):
        out.append(_filler(rng))
    c, q = rng.choice(ORGS), rng.choice(PEOPLE)
    j = rng.randrange(3)
    out.append([f"Sementara itu, {c} juga berencana membangun fasilitas {rng.choice(_KINDS)} di {rng.choice(_PLACES)}.",
                f"Di sisi lain, {q} dari {c} menyebut perusahaan belum memutuskan mitra untuk proyek tersebut.",
                f"{c} sebelumnya telah bekerja sama dengan {a} dalam proyek {rng.choice(_KINDS)}."][j])
    facts.append([("FACILITY", {"owners": [c], "kind": "factory", "location": None}, "planned", len(out) - 1),
                  ("QUOTE", {"speaker": q, "text": "perusahaan belum memutuskan mitra untuk proyek tersebut"}, None, len(out) - 1),
                  ("PARTNERSHIP", {"parties": [c, a]}, "agreed", len(out) - 1)][j])
    return out, facts


def _html(site: str, title: str, day: str, paras: list[str], rng: random.Random) -> str:
    nav = "".join(f"<li><a href='/{k}'>{k.title()}</a></li>" for k in ("ekonomi", "bisnis", "industri", "pasar", "otomotif"))
    related = "".join(f"<li><a href='/r/{rng.randrange(10**6)}'>{' '.join(_filler(rng).split()[:8])}</a></li>"
                      for _ in range(5))
    body = "".join(f"<p>{x}</p>" for x in paras)
    return (f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{title} - {site}</title>"
            f"<meta property='og:title' content='{title}'><meta property='article:published_time' content='{day}T08:00:00+07:00'>"
            f"</head><body><header><div class='logo'>{site}</div><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>{title}</h1><div class='byline'>Penulis: {rng.choice(PEOPLE)} | {day}</div>{body}</article>"
            f"<aside><h3>Berita Terkait</h3><ul>{related}</ul></aside></main>"
            f"<footer>Copyright 2024 {site}. Hak cipta dilindungi.</footer></body></html>")


def _generate(i: int) -> tuple[dict, list[str], list[tuple]]:
    """The i-th generated page as a JSON Lines record, its paragraphs and the facts they state
    (the same for every process)."""
    rng = random.Random(i * 7919 + 1)
    site = rng.choice(_SITES)
    day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    roll = rng.random()
    if i > 50 and roll < 0.05:      # a syndicated copy of an earlier article: other site, one sentence changed
        src = i - rng.randint(1, 50)
        srng = random.Random(src * 7919 + 1)
        srng.choice(_SITES)
        srng.random()
        paras, facts = _article(srng)
        paras[-1] = paras[-1].rsplit(".", 1)[0] + f", tulis {site}."
        return ({"id": f"gen-{i}", "url": f"https://{site}.example/read/{i}", "html": _html(site, _title(paras), day, paras, rng),
                 "date": day}, paras, facts)
    if i > 50 and roll < 0.07:      # a new revision of an earlier article: a correction at the end
        rec, paras, facts = _generate(i - rng.randint(1, 50))
        return ({**rec, "html": rec["html"].replace("</article>", "<p>Ralat: artikel ini telah diperbarui.</p></article>")},
                paras + ["Ralat: artikel ini telah diperbarui."], facts)
    paras, facts = _article(rng)
    return ({"id": f"gen-{i}", "url": f"https://{site}.example/read/{i}", "html": _html(site, _title(paras), day, paras, rng),
             "date": day}, paras, facts)


def page(i: int) -> dict:
    return _generate(i)[0]


def _article(rng: random.Random) -> tuple[list[str], list[tuple]]:
    first, facts = _sentences(rng)
    more, more_facts = _sentences(rng)
    sents = first + more[:3]
    facts = facts + [f for f in more_facts if f[3] < 3]
    facts = [(t, a, st, sents[k]) for t, a, st, k in facts]
    paras, k = [], 0
    while k < len(sents):
        n = rng.randint(1, 3)
        paras.append(" ".join(sents[k:k + n]))
        k += n
    return [f"JAKARTA - {paras[0]}"] + paras[1:], facts


def _title(paras: list[str]) -> str:
    words = paras[0].split()[2:12]
    return " ".join(words).rstrip(".,")


def result(i: int, raw):
    """What the pipeline gives for page i, built from what the generator knows (entities
    with their mentions, facts with their evidence), for the modes that replay it."""
    from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata, WorkDoc
    rec, paras, facts = _generate(i)
    body = "\n\n".join(paras)
    names: dict[str, str] = {}
    for _, args, _, _ in facts:
        for key in ("parties", "owners", "investor", "target", "org", "person", "speaker", "location"):
            v = args.get(key)
            for name in (v if isinstance(v, list) else [v] if v else []):
                names[name] = "PERSON" if key in ("person", "speaker") else "PLACE" if key == "location" else "ORG"
    ents = []
    for name, typ in names.items():
        at = body.find(name)
        mentions = [Mention(text=name, start=at, end=at + len(name))] if at >= 0 else []
        ents.append(Entity(id=f"{typ.lower()}:{_slug(name)}", type=typ, name=name, kb=False, mentions=mentions))
    out = []
    for typ, args, status, sentence in facts:
        at = max(body.find(sentence), 0)
        out.append(Fact(type=typ, args=args, status=status, certainty="asserted",
                        evidence=[Evidence(sentence=sentence, start=at, end=at + len(sentence))]))
    doc = Document(doc_id=rec["id"], language="id", body=body, entities=ents, facts=out,
                   metadata=Metadata(published=rec["date"], title=_title(paras), url=rec["url"]))
    return WorkDoc(raw=raw, doc=doc)


# ---------------------------------------------------------------- one mode, in its own process

def _proc_cpu(pids: list[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def _rss_mb(field: str = "VmRSS") -> float:
    """The resident set (VmRSS), or its anonymous part (RssAnon: the process's own heap,
    without the pages of files it maps, such as SQLite's memory-mapped database, which
    are the OS page cache and grow with the file, not with the process)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Replay:
    """Stands for the pipeline in a mode's process: the results the pipeline process
    computed for these pages, so every mode pays the same pipeline, measured once."""

    def __init__(self, done: dict):
        self.done = done

    def run_many(self, raws: list) -> list:
        return [self.done[_key(r)] for r in raws]

    def run(self, raw):
        return self.done[_key(raw)]

    def warm_up(self) -> None:
        pass

    def feeds(self, sink) -> Replay:
        """The replayed results carry no "date" or "signature": the store's write dates them
        from the documents and signs the bodies itself, so ingest pays for both here."""
        return self


def _key(raw) -> str:
    from warta.store.ingest import page_hash
    return page_hash(raw)


def worker(mode: str, pg: str, tmp: str) -> None:
    """Read chunk paths on stdin, process each, answer one JSON line of measurements.
    `pipeline` runs the pipeline (`warta ingest`'s stages) and leaves its results beside
    the chunk; `extract` adds in-run near-duplicates and writes JSON Lines, as `warta
    extract` does after the same stages; `sqlite` and `postgresql` run `warta ingest`'s
    code on those results."""
    from sqlalchemy import text

    from warta.model import ReadFailure
    from warta.pipeline import Pipeline, get_stage
    from warta.read import read_inputs

    out_fh = None
    store = None
    server_pids: list[int] = []
    me = ""
    pipe = Pipeline()
    if mode == "pipeline":
        pipe.warm_up()
    elif mode == "extract":
        from warta.run import failure_line
        dedup = get_stage("dedup")
        out_fh = open(Path(tmp) / f"extract-{os.getpid()}.jsonl", "w", encoding="utf-8")
    else:
        from warta.store.db import Store
        from warta.store.ingest import ingest
        if mode == "sqlite":
            store = Store(f"sqlite:///{Path(tmp) / f'ingest-{os.getpid()}.db'}")
        else:
            me = f"warta-bench-{os.getpid()}"
            store = Store(pg + ("&" if "?" in pg else "?") + f"application_name={me}",
                          schema=f"bench_ingest_{uuid.uuid4().hex[:8]}")
        store.migrate()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            break
        path, lo = path.split("\t")
        done = None
        if mode != "pipeline":      # what the pipeline gives for these pages, built before the clock starts
            done = {}
            for k, r in enumerate(read_inputs([path])):
                if not isinstance(r, ReadFailure):
                    done[_key(r)] = result(int(lo) + k, r)
        if store is not None and store.dialect == "postgresql":
            with store.engine.connect() as c:
                server_pids = [r[0] for r in c.execute(text("SELECT pid FROM pg_stat_activity WHERE application_name = :me"),
                                                        {"me": me})]
        t0, c0, s0 = time.perf_counter(), time.process_time(), _proc_cpu(server_pids)
        n = failed = 0
        if mode == "pipeline":
            results = {}
            for r in read_inputs([path]):
                if not isinstance(r, ReadFailure):
                    results[_key(r)] = r
            pages = list(results.values())
            for raw, res in zip(pages, [x for i in range(0, len(pages), 16) for x in pipe.run_many(pages[i:i + 16])]):
                results[_key(raw)] = res
            n = len(pages)
        elif mode == "extract":
            for r in read_inputs([path]):
                n += 1
                if isinstance(r, ReadFailure):
                    print(failure_line(r), file=sys.stderr)
                    continue
                wd = done[_key(r)]
                if hasattr(wd, "doc"):
                    wd = dedup(wd)
                    out_fh.write(wd.doc.model_dump_json() + "\n")
                    out_fh.flush()
        else:
            rep = ingest(store, [path], pipeline=Replay(done))
            n, failed = rep.stored + rep.revisions + rep.unchanged + rep.failed, rep.failed
        res = {"n": n, "wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
               "server_cpu": _proc_cpu(server_pids) - s0 if server_pids else 0.0,
               "rss_mb": _rss_mb(), "anon_mb": _rss_mb("RssAnon"), "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "failed": failed}
        del done
        print(json.dumps(res), flush=True)
    if store is not None:
        if store.schema:
            with store.engine.begin() as c:
                c.execute(text(f'DROP SCHEMA "{store.schema}" CASCADE'))
        store.dispose()


# ---------------------------------------------------------------- the coordinator

def _spawn(mode: str, code: Path, pg: str, tmp: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(code), OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    p = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--pg", pg, "--tmp", tmp],
                         cwd=str(code), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    return p


def _ask(p: subprocess.Popen) -> dict:
    line = p.stdout.readline()
    if not line:
        raise RuntimeError(f"a bench worker ended (exit {p.wait()})")
    return json.loads(line)


def _summary(rows: list[dict], pcpu: float, pwall: float) -> dict:
    """One mode's figures; the pipeline's CPU (and wall) per document is added to the
    mode's own: both extract and ingest run it before their own part."""
    def per_doc(r: dict) -> dict:
        own = (r["cpu"] + r["server_cpu"]) / r["n"]
        return {"cpu_ms_per_doc": round(1000 * (pcpu + own), 2),
                "own_cpu_ms_per_doc": round(1000 * own, 2), "server_cpu_ms_per_doc": round(1000 * r["server_cpu"] / r["n"], 2),
                "own_docs_per_second": round(r["n"] / r["wall"], 1),
                "docs_per_second": round(r["n"] / (r["wall"] + pwall * r["n"]), 1)}
    out: dict = {}
    done = 0
    base = None
    for r in rows:
        done += r["n"]
        if base is None and done >= CHECKPOINTS[0]:
            base = r
        if done in CHECKPOINTS:
            out[str(done)] = {**per_doc(r), "rss_mb": round(r["rss_mb"], 1), "anon_mb": round(r.get("anon_mb", 0.0), 1)}
    total = {k: sum(r[k] for r in rows) for k in ("n", "cpu", "server_cpu", "wall")}
    out["all"] = {"documents": total["n"], **per_doc(total), "failed": sum(r.get("failed", 0) for r in rows)}
    if base is not None:
        # peak memory (ru_maxrss) at the end against the peak at 1,000 documents; and the
        # resident set at the end of each later chunk against the one at 1,000
        out["peak_rss_growth_mb_from_1000"] = round(rows[-1]["maxrss_mb"] - base["maxrss_mb"], 1)
        out["rss_growth_mb_from_1000"] = round(max(r["rss_mb"] for r in rows[rows.index(base):]) - base["rss_mb"], 1)
        out["anon_growth_mb_from_1000"] = round(max(r.get("anon_mb", 0.0) for r in rows[rows.index(base):])
                                                - base.get("anon_mb", 0.0), 1)
    out["per_chunk_own_cpu_ms_per_doc"] = [round(1000 * (r["cpu"] + r["server_cpu"]) / r["n"], 2) for r in rows]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--modes", default="extract,sqlite,postgresql")
    ap.add_argument("--code", action="append", default=[], help="another checkout to run too, DIR[:LABEL]")
    ap.add_argument("--pg", default=os.environ.get("WARTA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "ingest.json"))
    ap.add_argument("--pipeline-docs", type=int, default=1000, help="documents the real pipeline runs on")
    ap.add_argument("--code-docs", type=int, help="run the other checkouts' modes on the first N documents only")
    ap.add_argument("--core", type=int, help="the core to run every process on (default: any)")
    ap.add_argument("--worker")
    ap.add_argument("--tmp")
    a = ap.parse_args()
    if a.worker:
        worker(a.worker, a.pg, a.tmp)
        return
    if a.core is not None:
        os.sched_setaffinity(0, {a.core})
    tmp = tempfile.mkdtemp(prefix="warta-bench-ingest-")
    runs = {"": ROOT}
    for spec in a.code:
        d, _, label = spec.partition(":")
        runs[label or Path(d).name] = Path(d).resolve()
    procs: dict[str, subprocess.Popen] = {"pipeline": _spawn("pipeline", ROOT, a.pg, tmp)}
    limit: dict[str, int] = {"pipeline": a.pipeline_docs}
    for label, code in runs.items():
        for mode in a.modes.split(","):
            name = f"{label}:{mode}" if label else mode
            procs[name] = _spawn(mode, code, a.pg, tmp)
            limit[name] = a.code_docs if label and a.code_docs else a.docs
    for p in procs.values():
        _ask(p)
    rows: dict[str, list[dict]] = {name: [] for name in procs}
    for lo in range(0, a.docs, a.chunk):
        path = Path(tmp) / f"pages-{lo:06d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(lo, min(a.docs, lo + a.chunk)):
                fh.write(json.dumps(page(i), ensure_ascii=False) + "\n")
        live = [n for n in procs if lo < limit[n]]
        for name in live:       # every mode on the same chunk at once, each timing its own CPU
            procs[name].stdin.write(f"{path}\t{lo}\n")
            procs[name].stdin.flush()
        for name in live:
            rows[name].append(_ask(procs[name]))
        path.unlink()
        print(lo + a.chunk, {n: round(1000 * (r[-1]["cpu"] + r[-1]["server_cpu"]) / r[-1]["n"], 2)
                             for n, r in rows.items() if n in live}, flush=True)
    for p in procs.values():
        p.stdin.close()
        p.wait()
    pipe = rows.pop("pipeline")
    pn = sum(r["n"] for r in pipe)
    pcpu, pwall = sum(r["cpu"] for r in pipe) / pn, sum(r["wall"] for r in pipe) / pn
    res: dict = {"docs": a.docs, "chunk": a.chunk,
                 "pipeline": {"documents": pn, "cpu_ms_per_doc": round(1000 * pcpu, 2), "peak_rss_mb": round(pipe[-1]["maxrss_mb"], 1),
                              "note": "warta ingest's stages, run for real on the first documents; its CPU per document "
                                      "is added to every mode's own, the same for extract and ingest"},
                 "modes": {n: _summary(r, pcpu, pwall) for n, r in rows.items()}}
    for label in runs:
        pre = f"{label}:" if label else ""
        ex = res["modes"].get(pre + "extract")
        for mode in ("sqlite", "postgresql"):
            m = res["modes"].get(pre + mode)
            if not (ex and m):
                continue
            m["cpu_ratio_to_extract"] = {n: round(m[n]["cpu_ms_per_doc"] / ex[n]["cpu_ms_per_doc"], 2)
                                         for n in [*map(str, CHECKPOINTS), "all"] if n in m and n in ex}
        sq, pgm = res["modes"].get(pre + "sqlite"), res["modes"].get(pre + "postgresql")
        if sq and pgm:
            res[f"{pre}postgresql_over_sqlite"] = {
                "store_docs_per_second": round(pgm["all"]["own_docs_per_second"] / sq["all"]["own_docs_per_second"], 2),
                "ingest_docs_per_second": round(pgm["all"]["docs_per_second"] / sq["all"]["docs_per_second"], 2)}
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({n: {k: v for k, v in m.items() if k != "per_chunk_own_cpu_ms_per_doc"} for n, m in res["modes"].items()},
                     indent=1))


if __name__ == "__main__":
    main()
