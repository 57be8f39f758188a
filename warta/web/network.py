"""A partnership network drawn server-side as SVG data: the entity in the middle,
its neighbours on a circle, second-hop nodes on an outer circle.  Nodes are
coloured by kind, edges by status; hedged edges are dashed."""
from __future__ import annotations

import math

NODE_COLOURS = {"company": "#2563eb", "unit": "#60a5fa", "brand": "#818cf8", "media": "#9ca3af", "agency": "#059669",
                "government": "#059669", "association": "#10b981", "PLACE": "#f59e0b", "PERSON": "#ec4899", None: "#64748b"}
EDGE_COLOURS = {"agreed": "#16a34a", "negotiating": "#f59e0b", "exploring": "#0ea5e9", "ended": "#dc2626",
                "planned": "#6366f1", "committed": "#16a34a", "completed": "#15803d", "cancelled": "#dc2626"}


def layout(graph: dict, width: int = 640, height: int = 420) -> dict:
    cx, cy = width / 2, height / 2
    center = graph["center"]
    neighbours = sorted({e["target"] if e["source"] == center else e["source"] for e in graph["edges"]
                         if center in (e["source"], e["target"])})
    rest = sorted(n["id"] for n in graph["nodes"] if n["id"] != center and n["id"] not in neighbours)
    pos = {center: (cx, cy)}
    for ring, ids, r in ((1, neighbours, min(width, height) * 0.32), (2, rest, min(width, height) * 0.46)):
        for i, nid in enumerate(ids):
            a = 2 * math.pi * i / max(1, len(ids)) + (0.3 if ring == 2 else 0)
            pos[nid] = (cx + r * math.cos(a), cy + r * math.sin(a))
    nodes = [{**n, "x": round(pos[n["id"]][0], 1), "y": round(pos[n["id"]][1], 1),
              "colour": NODE_COLOURS.get(n.get("kind") if n["type"] == "ORG" else n["type"], NODE_COLOURS[None]),
              "r": 14 if n["id"] == center else 9} for n in graph["nodes"] if n["id"] in pos]
    edges = [{**e, "x1": round(pos[e["source"]][0], 1), "y1": round(pos[e["source"]][1], 1),
              "x2": round(pos[e["target"]][0], 1), "y2": round(pos[e["target"]][1], 1),
              "colour": EDGE_COLOURS.get(e["status"], "#94a3b8"), "dashed": e["certainty"] == "hedged"}
             for e in graph["edges"] if e["source"] in pos and e["target"] in pos]
    return {"width": width, "height": height, "nodes": nodes, "edges": edges}


def legend() -> dict:
    return {"edges": EDGE_COLOURS, "nodes": {k or "other": v for k, v in NODE_COLOURS.items()}}
