"""Analysts' judgements as data.  Each decision is one `judgements` row (who, when,
action, target, payload, reason); `judge()` validates it, records it and applies it
to the store's rows, and `replay()` applies the relevant ones again after every
ingest, so what extraction writes afresh (a re-ingest, a re-extraction into an
emptied or a new store) comes out judged the same way.  Every apply is idempotent.

Fact actions: confirm, reject, edit (arguments, status, certainty), add (a missing
fact with its evidence span).  Entity actions: rename, type, merge (into another),
split (an alias off into its own entity), parent, not_entity, confirm.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warta.model import FACT_TYPES, STATUS_VALUES
from warta.settings import Settings
from warta.store import models as M
from warta.store.db import chunks

FACT_ACTIONS = ("fact.confirm", "fact.reject", "fact.edit", "fact.add")
ENTITY_ACTIONS = ("entity.rename", "entity.type", "entity.merge", "entity.split", "entity.parent",
                  "entity.not_entity", "entity.confirm")
ACTIONS = FACT_ACTIONS + ENTITY_ACTIONS
ENTITY_TYPES = ("ORG", "PERSON", "PLACE", "PRODUCT")
CERTAINTIES = ("asserted", "hedged")
# the arguments an analyst may set on a fact; the ones naming entities are relinked
EDITABLE = ("parties", "amount", "status", "certainty", "location", "investor", "investors", "target", "maker",
            "product", "owners", "operators", "kind", "person", "org", "role", "speaker", "count", "area", "date")


class JudgementError(ValueError):
    """A judgement that cannot be made: the message names the problem."""


def user() -> str:
    return Settings.from_env().user or _login()


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        return "analyst"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _uid(action: str, target: str, payload: dict, reason: str | None, who: str, at: dt.datetime) -> str:
    raw = json.dumps([action, target, payload, reason, who, at.isoformat()], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def as_dict(j: M.Judgement) -> dict[str, Any]:
    return {"uid": j.uid, "at": j.at.isoformat(), "who": j.who, "action": j.action, "target": j.target,
            "payload": j.payload, "reason": j.reason}


# ---------------------------------------------------------------- making one

def judge(s: Session, action: str, target: str, payload: dict | None = None, reason: str | None = None,
          who: str | None = None) -> dict:
    """Validate, record and apply one judgement; `target` is a fact id or an entity's
    name or id.  The caller commits.  Returns the recorded judgement."""
    if action not in ACTIONS:
        raise JudgementError(f"unknown action {action!r}; choose one of {', '.join(ACTIONS)}")
    payload = dict(payload or {})
    if action.startswith("fact."):
        target, payload = _check_fact(s, action, target, payload, reason)
    else:
        target, payload = _check_entity(s, action, target, payload)
    at = _now()
    who = (who or user()).strip()[:200] or "analyst"
    j = M.Judgement(uid=_uid(action, target, payload, reason, who, at), at=at, who=who, action=action,
                    target=target, payload=payload, reason=reason)
    s.add(j)
    s.flush()
    apply(s, j)
    s.flush()
    return as_dict(j)


def _check_fact(s: Session, action: str, target: str, payload: dict, reason: str | None) -> tuple[str, dict]:
    if action == "fact.add":
        return _check_added(s, payload)
    f = s.get(M.Fact, target)
    if f is None:
        raise JudgementError(f"no fact {target!r} (see `warta facts` or `warta review`)")
    if action == "fact.reject" and not (reason or "").strip():
        raise JudgementError("a rejection needs a reason")
    if action == "fact.edit":
        changes = payload.get("set") or {}
        if not changes:
            raise JudgementError("nothing to edit: give key=value pairs (--set amount='2 trillion IDR')")
        payload = {"set": {k: check_value(f.type, k, v) for k, v in changes.items()}}
    return target, payload


def check_value(ftype: str, key: str, value: Any) -> Any:
    """One edited argument, checked and normalised (a string from the command line is parsed)."""
    if key not in EDITABLE:
        raise JudgementError(f"cannot edit {key!r}; editable: {', '.join(EDITABLE)}")
    if key == "status":
        allowed = STATUS_VALUES.get(ftype, ())
        if value not in allowed:
            raise JudgementError(f"status {value!r} is not one of {ftype}'s: {', '.join(allowed) or '(none)'}")
        return value
    if key == "certainty":
        if value not in CERTAINTIES:
            raise JudgementError(f"certainty {value!r} is not one of {', '.join(CERTAINTIES)}")
        return value
    if key in ("amount", "count", "area") :
        return _quantity(key, value)
    if key in ("parties", "investors", "owners", "operators"):
        items = value if isinstance(value, list) else [v.strip() for v in str(value).split(",")]
        items = [str(v).strip() for v in items if str(v).strip()]
        if not items:
            raise JudgementError(f"{key} needs at least one name")
        return items
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value.strip() if isinstance(value, str) else value


def _quantity(key: str, value: Any) -> dict:
    """{"value": 2e12, "currency": "IDR"} from a dict, JSON, or "2000000000000 IDR"."""
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise JudgementError(f"{key}: not valid JSON: {exc}") from exc
    unit = "currency" if key == "amount" else "unit"
    if isinstance(value, dict):
        num = value.get("value")
        rest = value.get(unit)
    else:
        parts = str(value).replace("_", "").split()
        if not parts:
            raise JudgementError(f"{key} is empty")
        num, rest = parts[0], (parts[1] if len(parts) > 1 else None)
    try:
        num = float(str(num).replace(",", ""))
    except (TypeError, ValueError) as exc:
        raise JudgementError(f"{key}: {num!r} is not a number (write e.g. {key}='27000000000000 IDR')") from exc
    if key == "amount" and rest is not None and not (isinstance(rest, str) and len(rest) == 3 and rest.isalpha()):
        raise JudgementError(f"amount: currency {rest!r} is not a three-letter ISO 4217 code")
    out = {"value": int(num) if num.is_integer() else num, unit: rest.upper() if key == "amount" and rest else rest}
    if isinstance(value, dict):
        out.update({k: v for k, v in value.items() if k not in ("value", unit)})
    return out


def _check_added(s: Session, payload: dict) -> tuple[str, dict]:
    from warta.model import Fact
    from warta.store.keys import fact_id, merge_key
    ftype = str(payload.get("type") or "").upper()
    if ftype not in FACT_TYPES:
        raise JudgementError(f"fact type {payload.get('type')!r} is not one of {', '.join(FACT_TYPES)}")
    args = {k: check_value(ftype, k, v) for k, v in (payload.get("args") or {}).items()
            if k not in ("status", "certainty")}
    if not args:
        raise JudgementError("a new fact needs its arguments (--arg parties='A,B')")
    status = payload.get("status")
    if status is not None:
        check_value(ftype, "status", status)
    certainty = payload.get("certainty") or "asserted"
    check_value(ftype, "certainty", certainty)
    doc_id = payload.get("doc_id")
    d = s.scalar(select(M.Document).where(M.Document.doc_id == doc_id).order_by(M.Document.revision.desc())) if doc_id else None
    if d is None:
        raise JudgementError(f"no document {doc_id!r}: a new fact needs the document its evidence is in (--doc)")
    try:
        start, end = int(payload.get("start")), int(payload.get("end"))
    except (TypeError, ValueError) as exc:
        raise JudgementError("the evidence span needs --start and --end offsets into the document body") from exc
    if not 0 <= start < end <= len(d.body):
        raise JudgementError(f"span {start}..{end} is outside the document body (0..{len(d.body)})")
    fact = Fact(type=ftype, args=args, status=status, certainty=certainty)
    ids = _ids_of_names(s, _names(args))
    key = merge_key(fact, ids)
    clean = {"type": ftype, "args": args, "status": status, "certainty": certainty, "doc_id": d.doc_id,
             "start": start, "end": end, "key": key, "entities": sorted(set(ids.values()))}
    return fact_id(key), clean


def _check_entity(s: Session, action: str, target: str, payload: dict) -> tuple[str, dict]:
    from warta.store.queries import NotFound, find_entity
    try:
        e = s.get(M.Entity, target) or find_entity(s, target)
    except NotFound as exc:
        raise JudgementError(str(exc)) from exc
    if action == "entity.rename":
        new = str(payload.get("name") or "").strip()
        if not new or len(new) > 500:
            raise JudgementError("a new name is needed (1 to 500 characters)")
        return e.id, {"name": new, "old": e.name}
    if action == "entity.type":
        t = str(payload.get("type") or "").upper()
        if t not in ENTITY_TYPES:
            raise JudgementError(f"type {payload.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
        return e.id, {"type": t, "old": e.type}
    if action == "entity.merge":
        into = payload.get("into")
        try:
            b = s.get(M.Entity, into) or find_entity(s, str(into or ""))
        except NotFound as exc:
            raise JudgementError(f"cannot merge into {into!r}: {exc}") from exc
        if b.id == e.id:
            raise JudgementError(f"{e.name!r} and {into!r} are the same entity")
        return e.id, {"into": b.id, "from_name": e.name, "into_name": b.name}
    if action == "entity.split":
        alias = str(payload.get("alias") or "").strip()
        have = {a.lower(): a for a in s.scalars(select(M.Alias.alias).where(M.Alias.entity_id == e.id))}
        if alias.lower() not in have:
            raise JudgementError(f"{alias!r} is not a surface form of {e.name!r} (its forms: {', '.join(sorted(have.values()))})")
        if alias.lower() == e.name.lower():
            raise JudgementError(f"{alias!r} is the entity's own name: rename it instead")
        t = str(payload.get("type") or e.type).upper()
        if t not in ENTITY_TYPES:
            raise JudgementError(f"type {t!r} is not one of {', '.join(ENTITY_TYPES)}")
        from warta.kb.base import slug
        return e.id, {"alias": have[alias.lower()], "type": t, "new_id": f"{t.lower()}:{slug(alias)}"}
    if action == "entity.parent":
        parent = str(payload.get("parent") or "").strip()
        if parent:
            try:
                parent = find_entity(s, parent).name
            except NotFound:
                pass   # a parent the store has not seen is still a parent
        return e.id, {"parent": parent or None}
    return e.id, {"name": e.name}


def _names(args: dict) -> list[str]:
    from warta.store.keys import ROLE_ARGS
    out: list[str] = []
    for k in ROLE_ARGS:
        v = args.get(k)
        out += [x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and x]
    return out


def _ids_of_names(s: Session, names: Iterable[str]) -> dict[str, str]:
    """Entity ids of names as an analyst typed them: a canonical name, else a surface form."""
    out: dict[str, str] = {}
    for n in set(names):
        low = n.strip().lower()
        eid = s.scalar(select(M.Entity.id).where(M.Entity.name_lower == low)) or \
            s.scalar(select(M.Alias.entity_id).where(M.Alias.alias_lower == low))
        if eid:
            out[n] = eid
    return out


# ---------------------------------------------------------------- applying

def apply(s: Session, j: M.Judgement) -> None:
    _APPLY[j.action](s, j)


def _review(state: str):
    def run(s: Session, j: M.Judgement) -> None:
        f = s.get(M.Fact, j.target)
        if f is not None:
            f.review = state
    return run


def _edit(s: Session, j: M.Judgement) -> None:
    f = s.get(M.Fact, j.target)
    if f is None:
        return
    args = dict(f.args or {})
    for k, v in (j.payload.get("set") or {}).items():
        if k == "status":
            f.status = v
        elif k == "certainty":
            f.certainty = v
        else:
            args[k] = v
            _relink(s, f.id, k, v)
    if args != f.args:
        f.args = args


def _relink(s: Session, fid: str, arg: str, value: Any) -> None:
    from warta.store.keys import ROLE_ARGS
    role = ROLE_ARGS.get(arg)
    if role is None:
        return
    s.execute(delete(M.FactEntity).where(M.FactEntity.fact_id == fid, M.FactEntity.role == role))
    names = value if isinstance(value, list) else [value] if value else []
    for eid in sorted(set(_ids_of_names(s, names).values())):
        s.add(M.FactEntity(fact_id=fid, entity_id=eid, role=role))
    s.flush()


def _add(s: Session, j: M.Judgement) -> None:
    from warta.model import Fact
    from warta.store.keys import fact_entities
    from warta.store.refresh import refresh_fact as _refresh_fact
    p = j.payload
    d = s.scalar(select(M.Document).where(M.Document.doc_id == p["doc_id"]).order_by(M.Document.revision.desc()))
    if d is None or p["end"] > len(d.body):
        return     # the document is not (yet) in this store: replayed when it is ingested
    f = s.get(M.Fact, j.target)
    if f is None:
        f = M.Fact(id=j.target, type=p["type"], key=p["key"], args=p["args"], status=p["status"],
                   certainty=p["certainty"], first_seen=d.date, last_seen=d.date, sources=0)
        s.add(f)
        s.flush()
    have = s.scalar(select(M.Evidence.id).where(M.Evidence.fact_id == f.id, M.Evidence.document_id == d.id,
                                                M.Evidence.start == p["start"]))
    if have is None:
        s.add(M.Evidence(fact_id=f.id, document_id=d.id, sentence=d.body[p["start"]:p["end"]], start=p["start"],
                         end=p["end"], date=d.date, status=p["status"], certainty=p["certainty"], args=p["args"],
                         flags=["analyst"]))
    links = set(s.execute(select(M.FactEntity.entity_id, M.FactEntity.role).where(M.FactEntity.fact_id == f.id)).all())
    model = Fact(type=p["type"], args=p["args"], status=p["status"], certainty=p["certainty"])
    for eid, role in fact_entities(model, _ids_of_names(s, _names(p["args"]))):
        if (eid, role) not in links:
            s.add(M.FactEntity(fact_id=f.id, entity_id=eid, role=role))
    s.flush()
    _refresh_fact(s, f)
    f.review = "confirmed"


def _rename_args(args: dict, old: str, new: str) -> dict:
    """The fact's arguments with the entity argument `old` named `new`."""
    from warta.store.keys import ROLE_ARGS
    out = dict(args or {})
    for k in ROLE_ARGS:
        v = out.get(k)
        if isinstance(v, list):
            out[k] = [new if x == old else x for x in v]
        elif v == old:
            out[k] = new
    return out


def _facts_of(s: Session, eid: str) -> list[M.Fact]:
    ids = list(s.scalars(select(M.FactEntity.fact_id).where(M.FactEntity.entity_id == eid).distinct()))
    return [f for part in chunks(ids) for f in s.scalars(select(M.Fact).where(M.Fact.id.in_(part)))]


def _rename_in_facts(s: Session, eid: str, old: str, new: str) -> None:
    for f in _facts_of(s, eid):
        args = _rename_args(f.args, old, new)
        if args != f.args:
            f.args = args


def _ensure_alias(s: Session, eid: str, surface: str) -> None:
    if len(surface) <= 500 and s.get(M.Alias, (eid, surface.lower())) is None:
        s.add(M.Alias(entity_id=eid, alias_lower=surface.lower(), alias=surface))
        s.flush()


def _rename(s: Session, j: M.Judgement) -> None:
    e = s.get(M.Entity, j.target)
    if e is None:
        return
    new = j.payload["name"]
    old = e.name
    if old != new:
        e.name, e.name_lower = new, new.lower()
        _ensure_alias(s, e.id, new)
        _rename_in_facts(s, e.id, old, new)
    if j.payload.get("old") and j.payload["old"] != old:
        _rename_in_facts(s, e.id, j.payload["old"], new)


def _retype(s: Session, j: M.Judgement) -> None:
    e = s.get(M.Entity, j.target)
    if e is not None:
        e.type = j.payload["type"]


def _merge(s: Session, j: M.Judgement) -> None:
    a, b = s.get(M.Entity, j.target), s.get(M.Entity, j.payload["into"])
    if a is None or b is None:
        return      # one side is not (yet) in the store: replayed when it is ingested
    for al in list(s.scalars(select(M.Alias).where(M.Alias.entity_id == a.id))):
        _ensure_alias(s, b.id, al.alias)
        s.delete(al)
    _ensure_alias(s, b.id, a.name)
    for ed in list(s.scalars(select(M.EntityDocument).where(M.EntityDocument.entity_id == a.id))):
        there = s.get(M.EntityDocument, (b.id, ed.document_id))
        if there is None:
            s.add(M.EntityDocument(entity_id=b.id, document_id=ed.document_id, mentions=ed.mentions))
        else:
            there.mentions += ed.mentions
        s.delete(ed)
    moved = []
    for fe in list(s.scalars(select(M.FactEntity).where(M.FactEntity.entity_id == a.id))):
        if s.get(M.FactEntity, (fe.fact_id, b.id, fe.role)) is None:
            s.add(M.FactEntity(fact_id=fe.fact_id, entity_id=b.id, role=fe.role))
        moved.append(fe.fact_id)
        s.delete(fe)
    s.flush()
    for part in chunks(sorted(set(moved))):
        for f in s.scalars(select(M.Fact).where(M.Fact.id.in_(part))):
            args = _rename_args(_rename_args(f.args, a.name, b.name), j.payload.get("from_name") or a.name, b.name)
            if args != f.args:
                f.args = args
    s.delete(a)
    s.flush()
    _fold(s, sorted(set(moved)))


def _fold(s: Session, fids: list[str]) -> None:
    """After a merge, a fact that is now the same as another (A + C beside B + C, once A
    is B) gives that one its evidence and links and goes; the other is refreshed from
    all its sources and its own judgements applied again."""
    from warta.model import Fact
    from warta.store.keys import fact_id, merge_key
    from warta.store.refresh import refresh_fact as _refresh_fact
    for fid in fids:
        f = s.get(M.Fact, fid)
        if f is None:
            continue
        links = s.execute(select(M.FactEntity.entity_id, M.FactEntity.role, M.Entity.name)
                          .join(M.Entity, M.Entity.id == M.FactEntity.entity_id).where(M.FactEntity.fact_id == fid)).all()
        try:
            nid = fact_id(merge_key(Fact(type=f.type, args=f.args or {}), {n: e for e, _, n in links}))
        except Exception:   # arguments an older format stored: left as they are
            continue
        other = s.get(M.Fact, nid) if nid != fid else None
        if other is None:
            continue
        have = set(s.execute(select(M.Evidence.document_id, M.Evidence.start).where(M.Evidence.fact_id == nid)).all())
        for ev in list(s.scalars(select(M.Evidence).where(M.Evidence.fact_id == fid))):
            if (ev.document_id, ev.start) in have:
                s.delete(ev)
            else:
                ev.fact_id = nid
                have.add((ev.document_id, ev.start))
        for eid, role, _ in links:
            if s.get(M.FactEntity, (nid, eid, role)) is None:
                s.add(M.FactEntity(fact_id=nid, entity_id=eid, role=role))
        s.execute(delete(M.FactEntity).where(M.FactEntity.fact_id == fid))
        s.flush()
        s.delete(f)
        s.flush()
        _refresh_fact(s, other)
        for j in s.scalars(select(M.Judgement).where(M.Judgement.target == nid, M.Judgement.action == "fact.edit")
                           .order_by(M.Judgement.id)):
            _edit(s, j)
        _renames_on(s, {nid})
    s.flush()


def _split(s: Session, j: M.Judgement) -> None:
    e = s.get(M.Entity, j.target)
    p = j.payload
    if e is None:
        return
    al = s.get(M.Alias, (e.id, p["alias"].lower()))
    if al is None:
        return
    new = s.get(M.Entity, p["new_id"])
    if new is None:
        new = M.Entity(id=p["new_id"], type=p["type"], name=p["alias"], name_lower=p["alias"].lower(), kb=False)
        s.add(new)
        s.flush()
    _ensure_alias(s, new.id, p["alias"])
    s.delete(al)
    s.flush()
    # the facts every sentence of which names the alias and none of the entity's other forms go with it
    rest = [a.lower() for a in s.scalars(select(M.Alias.alias).where(M.Alias.entity_id == e.id))] + [e.name.lower()]
    for f in _facts_of(s, e.id):
        sents = [x.lower() for x in s.scalars(select(M.Evidence.sentence).where(M.Evidence.fact_id == f.id))]
        if sents and all(p["alias"].lower() in x and not any(r in x for r in rest) for x in sents):
            for fe in list(s.scalars(select(M.FactEntity).where(M.FactEntity.fact_id == f.id, M.FactEntity.entity_id == e.id))):
                if s.get(M.FactEntity, (f.id, new.id, fe.role)) is None:
                    s.add(M.FactEntity(fact_id=f.id, entity_id=new.id, role=fe.role))
                s.delete(fe)
            f.args = _rename_args(f.args, e.name, new.name)
    s.flush()


def _not_entity(s: Session, j: M.Judgement) -> None:
    e = s.get(M.Entity, j.target)
    if e is None:
        return
    for table in (M.Alias, M.EntityDocument, M.FactEntity):
        s.execute(delete(table).where(table.entity_id == e.id))
    s.flush()
    s.delete(e)
    s.flush()


def _nothing(s: Session, j: M.Judgement) -> None:
    """Read when asked for (a parent, a confirmed entity): nothing to change in the rows."""


_APPLY = {"fact.confirm": _review("confirmed"), "fact.reject": _review("rejected"), "fact.edit": _edit,
          "fact.add": _add, "entity.rename": _rename, "entity.type": _retype, "entity.merge": _merge,
          "entity.split": _split, "entity.parent": _nothing, "entity.not_entity": _not_entity,
          "entity.confirm": _nothing}


# ---------------------------------------------------------------- replaying

def replay(s: Session, entity_ids: Iterable[str] = (), fact_ids: Iterable[str] = (),
           doc_ids: Iterable[str] = ()) -> int:
    """Apply again the judgements about these entities and facts (those just written by
    an ingest), the merges into these entities and the facts added in these documents,
    in the order they were made (an added fact also when an entity it names is stored).  Returns how many were applied."""
    eids, fids, dids = set(entity_ids), set(fact_ids), set(doc_ids)
    if not s.scalar(select(M.Judgement.id).limit(1)):
        return 0
    found: dict[int, M.Judgement] = {}
    for part in chunks(sorted(eids | fids)):
        found.update((j.id, j) for j in s.scalars(select(M.Judgement).where(M.Judgement.target.in_(part))))
    for j in s.scalars(select(M.Judgement).where(M.Judgement.action.in_(("fact.add", "entity.merge")))):
        if (j.action == "fact.add" and (j.payload.get("doc_id") in dids or eids & set(j.payload.get("entities") or ()))) or \
                (j.action == "entity.merge" and j.payload.get("into") in eids):
            found[j.id] = j
    _renames_on(s, fids)
    for jid in sorted(found):
        apply(s, found[jid])
    s.flush()
    _renames_on(s, fids)
    return len(found)


def _renames_on(s: Session, fids: set[str]) -> None:
    """Names an analyst changed (renames, merges), applied to these facts' arguments
    when the fact names that entity: a refreshed fact takes its latest source's words."""
    if not fids:
        return
    changes = [(j.target, j.payload.get("into"), j.payload.get("from_name") or j.payload.get("old"),
                j.payload.get("into_name") or j.payload.get("name"))
               for j in s.scalars(select(M.Judgement).where(M.Judgement.action.in_(("entity.rename", "entity.merge")))
                                  .order_by(M.Judgement.id))]
    if not changes:
        return
    links: dict[str, set[str]] = {}
    for part in chunks(sorted(fids)):
        for fid, eid in s.execute(select(M.FactEntity.fact_id, M.FactEntity.entity_id).where(M.FactEntity.fact_id.in_(part))):
            links.setdefault(fid, set()).add(eid)
    for part in chunks(sorted(fids)):
        for f in s.scalars(select(M.Fact).where(M.Fact.id.in_(part))):
            args = f.args
            for target, into, old, new in changes:
                if old and new and ({target, into} & links.get(f.id, set())):
                    args = _rename_args(args, old, new)
            if args != f.args:
                f.args = args


def replay_all(s: Session) -> int:
    """Every judgement again, in order (after an import, or to repair a store)."""
    n = 0
    for j in s.scalars(select(M.Judgement).order_by(M.Judgement.id)).all():
        apply(s, j)
        n += 1
    s.flush()
    return n


# ---------------------------------------------------------------- reading

def listed(s: Session, target: str | None = None, limit: int = 1000) -> list[dict]:
    q = select(M.Judgement).order_by(M.Judgement.id.desc()).limit(limit)
    if target:
        q = q.where(M.Judgement.target == target)
    return [as_dict(j) for j in s.scalars(q)]


from warta.store.queries import entity_parent  # noqa: E402,F401  (where the store's reads are)

# ---------------------------------------------------------------- sharing

def export_jsonl(s: Session, fh) -> int:
    n = 0
    for j in s.scalars(select(M.Judgement).order_by(M.Judgement.id)):
        fh.write(json.dumps(as_dict(j), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def import_jsonl(s: Session, lines: Iterable[str], source: str = "<input>") -> tuple[int, int]:
    """Add the judgements of a JSONL export not already here (by uid), then replay them
    all in their original order.  Every line is checked before anything is written.
    Returns (added, already present)."""
    rows: list[dict] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JudgementError(f"{source}:{n}: not JSON: {exc}") from exc
        if not isinstance(d, dict):
            raise JudgementError(f"{source}:{n}: a judgement is a JSON object")
        missing = [k for k in ("at", "who", "action", "target", "payload") if k not in d]
        if missing:
            raise JudgementError(f"{source}:{n}: missing {', '.join(missing)}")
        if d["action"] not in ACTIONS:
            raise JudgementError(f"{source}:{n}: unknown action {d['action']!r}")
        if not isinstance(d["payload"], dict) or not isinstance(d["target"], str) or not d["target"]:
            raise JudgementError(f"{source}:{n}: payload must be an object and target a non-empty string")
        try:
            at = dt.datetime.fromisoformat(d["at"]).replace(tzinfo=None)
        except (TypeError, ValueError) as exc:
            raise JudgementError(f"{source}:{n}: 'at' is not an ISO date-time: {d['at']!r}") from exc
        uid = d.get("uid") or _uid(d["action"], d["target"], d["payload"], d.get("reason"), d["who"], at)
        rows.append({**d, "at": at, "uid": uid})
    have = set()
    uids = [r["uid"] for r in rows]
    for part in chunks(uids):
        have.update(s.scalars(select(M.Judgement.uid).where(M.Judgement.uid.in_(part))))
    added = 0
    for r in sorted(rows, key=lambda r: r["at"]):
        if r["uid"] in have:
            continue
        s.add(M.Judgement(uid=r["uid"], at=r["at"], who=str(r["who"])[:200], action=r["action"], target=r["target"][:200],
                          payload=r["payload"], reason=r.get("reason")))
        have.add(r["uid"])
        added += 1
    s.flush()
    replay_all(s)
    return added, len(rows) - added
