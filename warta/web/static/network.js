// Warta's market network: a small force-directed layout drawn in SVG, with pan (drag),
// zoom (wheel or the +/- buttons) and filters by status, sector, country and date.
// Written for Warta (Apache-2.0); no library, nothing loaded from elsewhere.
(function () {
  "use strict";
  const svg = document.getElementById("market-network");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const EDGE = {agreed: "#16a34a", negotiating: "#f59e0b", exploring: "#0ea5e9", ended: "#dc2626", planned: "#6366f1",
                committed: "#16a34a", completed: "#15803d", cancelled: "#dc2626"};
  const NODE = {company: "#2563eb", unit: "#60a5fa", brand: "#818cf8", agency: "#059669", government: "#059669",
                association: "#10b981", PLACE: "#f59e0b", PERSON: "#ec4899"};
  const $ = (id) => document.getElementById(id);
  let data = null, view = {x: 0, y: 0, k: 1}, pos = {}, shown = {nodes: [], edges: []};

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function filters() {
    const st = new Set([...document.querySelectorAll("#net-status input:checked")].map((i) => i.value));
    return {statuses: st, sector: $("net-sector").value, country: $("net-country").value,
            since: $("net-since").value, until: $("net-until").value};
  }

  function select() {
    const f = filters(), byId = {};
    data.nodes.forEach((n) => (byId[n.id] = n));
    const edges = data.edges.filter((e) => f.statuses.has(e.status || "") &&
      (!f.sector || e.sector === f.sector) && (!f.since || (e.last_seen || "") >= f.since) &&
      (!f.until || (e.first_seen || "") <= f.until) &&
      (!f.country || byId[e.source].country === f.country || byId[e.target].country === f.country));
    const ids = new Set();
    edges.forEach((e) => { ids.add(e.source); ids.add(e.target); });
    return {nodes: data.nodes.filter((n) => ids.has(n.id)), edges: edges};
  }

  function layout(g) {
    // place new nodes on a circle, then relax: springs along edges, repulsion between nodes
    const W = svg.clientWidth || 900, H = svg.clientHeight || 520, n = g.nodes.length;
    g.nodes.forEach((nd, i) => {
      if (!pos[nd.id]) {
        const a = 2 * Math.PI * i / Math.max(1, n);
        pos[nd.id] = {x: W / 2 + Math.cos(a) * W * 0.3, y: H / 2 + Math.sin(a) * H * 0.3};
      }
    });
    const L = Math.max(60, Math.min(160, Math.sqrt(W * H / Math.max(1, n)) * 0.7));
    for (let it = 0; it < 300; it++) {
      const t = 1 - it / 300, d = {};
      g.nodes.forEach((a) => (d[a.id] = {x: 0, y: 0}));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = pos[g.nodes[i].id], b = pos[g.nodes[j].id];
          let dx = a.x - b.x, dy = a.y - b.y, r2 = dx * dx + dy * dy + 0.01;
          if (r2 > 9 * L * L) continue;   // repulsion is local: far components do not push each other out
          const f = (L * L) / r2;
          d[g.nodes[i].id].x += dx * f * 0.05; d[g.nodes[i].id].y += dy * f * 0.05;
          d[g.nodes[j].id].x -= dx * f * 0.05; d[g.nodes[j].id].y -= dy * f * 0.05;
        }
      }
      g.edges.forEach((e) => {
        const a = pos[e.source], b = pos[e.target], dx = b.x - a.x, dy = b.y - a.y;
        const r = Math.sqrt(dx * dx + dy * dy) + 0.01, f = (r - L) / r * 0.08;
        d[e.source].x += dx * f; d[e.source].y += dy * f; d[e.target].x -= dx * f; d[e.target].y -= dy * f;
      });
      g.nodes.forEach((nd) => {
        const p = pos[nd.id], m = d[nd.id];
        const step = Math.sqrt(m.x * m.x + m.y * m.y), cap = 20 * t + 1;
        const s = step > cap ? cap / step : 1;
        p.x += m.x * s + (W / 2 - p.x) * 0.02; p.y += m.y * s + (H / 2 - p.y) * 0.02;
      });
    }
  }

  function draw() {
    shown = select();
    layout(shown);
    svg.replaceChildren();
    const root = el("g", {id: "net-root", transform: `translate(${view.x},${view.y}) scale(${view.k})`}, svg);
    shown.edges.forEach((e) => {
      const a = pos[e.source], b = pos[e.target];
      const line = el("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge", stroke: EDGE[e.status] || "#94a3b8",
                               "data-status": e.status || "", "data-sector": e.sector}, root);
      if (e.certainty === "hedged") line.setAttribute("stroke-dasharray", "6 4");
      el("title", {}, line).textContent = `${e.label} — ${e.status_label || ""} (${e.first_seen} – ${e.last_seen})`;
    });
    const degrees = shown.nodes.map((n) => n.degree).sort((a, b) => b - a);
    const hub = shown.nodes.length > 40 ? degrees[Math.min(degrees.length - 1, 25)] + 1 : 0;
    shown.nodes.forEach((nd) => {
      const p = pos[nd.id], r = 5 + Math.min(10, Math.sqrt(nd.degree) * 2.5);
      const a = el("a", {href: "/entity/" + encodeURIComponent(nd.name), class: "node-link"}, root);
      const c = el("circle", {cx: p.x, cy: p.y, r: r, class: "node", fill: NODE[nd.type === "ORG" ? nd.kind : nd.type] || "#64748b",
                              "data-name": nd.name, "data-country": nd.country || ""}, a);
      el("title", {}, c).textContent = `${nd.name}${nd.country ? " (" + nd.country + ")" : ""}`;
      // a crowded map names its hubs only (every name is in the node's tooltip, and shows on zoom)
      const txt = el("text", {x: p.x, y: p.y + r + 11, "text-anchor": "middle", class: nd.degree >= hub ? "hub" : "minor"}, a);
      txt.textContent = nd.name;
    });
    fit();
    $("net-count").textContent = `${shown.nodes.length} / ${data.nodes.length} · ${shown.edges.length} / ${data.edges.length}`;
  }

  function fit() {
    // the whole drawing in view: disconnected deals drift apart, so scale to their extent
    const W = svg.clientWidth || 900, H = svg.clientHeight || 520, ps = shown.nodes.map((n) => pos[n.id]);
    if (!ps.length) { view = {x: 0, y: 0, k: 1}; transform(); return; }
    const xs = ps.map((p) => p.x), ys = ps.map((p) => p.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const k = Math.min(2, W / (x1 - x0 + 160), H / (y1 - y0 + 80));
    view = {k: k, x: W / 2 - k * (x0 + x1) / 2, y: H / 2 - k * (y0 + y1) / 2};
    transform();
  }

  function transform() {
    const root = $("net-root");
    if (root) root.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    svg.classList.toggle("zoomed", view.k >= 1.6);
    svg.dataset.zoom = view.k.toFixed(2);
  }

  function zoom(factor, cx, cy) {
    const k = Math.max(0.2, Math.min(6, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k); view.y = cy - (cy - view.y) * (k / view.k); view.k = k;
    transform();
  }

  function controls() {
    const statuses = [...new Set(data.edges.map((e) => e.status || ""))];
    statuses.forEach((s) => {
      const l = document.createElement("label"), i = document.createElement("input");
      i.type = "checkbox"; i.value = s; i.checked = true; i.addEventListener("change", draw);
      l.appendChild(i); l.append(" " + ((data.statuses || {})[s] || s || "—"));
      l.style.color = EDGE[s] || "#475569";
      $("net-status").appendChild(l);
    });
    const add = (id, values, names) => values.forEach((v) => {
      const o = document.createElement("option"); o.value = v; o.textContent = (names && names[v]) || v; $(id).appendChild(o);
    });
    add("net-sector", [...new Set(data.edges.map((e) => e.sector))].sort(), data.sectors);
    add("net-country", [...new Set(data.nodes.map((n) => n.country).filter(Boolean))].sort());
    ["net-sector", "net-country", "net-since", "net-until"].forEach((id) => $(id).addEventListener("change", draw));
    $("net-zoom-in").addEventListener("click", () => zoom(1.25, svg.clientWidth / 2, svg.clientHeight / 2));
    $("net-zoom-out").addEventListener("click", () => zoom(0.8, svg.clientWidth / 2, svg.clientHeight / 2));
    $("net-reset").addEventListener("click", fit);
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const b = svg.getBoundingClientRect();
      zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - b.left, ev.clientY - b.top);
    }, {passive: false});
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest && ev.target.closest("a")) return;
      drag = {x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y}; svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      view.x = drag.vx + ev.clientX - drag.x; view.y = drag.vy + ev.clientY - drag.y; transform();
    });
    svg.addEventListener("pointerup", () => (drag = null));
  }

  fetch(svg.dataset.src).then((r) => r.json()).then((d) => {
    data = d; controls(); draw(); svg.dataset.ready = "1";
  });
})();
