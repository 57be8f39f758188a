"""Watch lists: the entities an analyst follows, and what is new about them (new
facts and changes of status, with the article behind each)."""
from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.browse import FilterError, date_bound
from warta.store.labels import FACT_TYPES
from warta.store.market import _days_before, as_of, events
from warta.store.queries import find_entity

DEFAULT_LIST = "default"
LIST_NAME = re.compile(r"^[\w.-]{1,100}$")
NEWS_DAYS = 30   # `watch news` without --since: the month up to the latest article


def _list_name(name: str | None) -> str:
    name = (name or DEFAULT_LIST).strip()
    if not LIST_NAME.match(name):
        raise FilterError(f"watch list name {name!r} must be 1-100 letters, digits, '.', '_' or '-'")
    return name


def add(s: Session, entity: str, list_name: str | None = None) -> dict:
    """Follow an entity (found as `warta entity` finds it); adding it twice changes nothing."""
    e = find_entity(s, entity)
    ln = _list_name(list_name)
    added = s.get(M.Watch, (ln, e.id)) is None
    if added:
        s.add(M.Watch(list_name=ln, entity_id=e.id))
        s.commit()
    return {"list": ln, "entity_id": e.id, "name": e.name, "added": added}


def remove(s: Session, entity: str, list_name: str | None = None) -> dict:
    e = find_entity(s, entity)
    ln = _list_name(list_name)
    n = s.execute(delete(M.Watch).where(M.Watch.list_name == ln, M.Watch.entity_id == e.id)).rowcount
    s.commit()
    return {"list": ln, "entity_id": e.id, "name": e.name, "removed": bool(n)}


def lists(s: Session, list_name: str | None = None) -> list[dict]:
    """The watched entities, by list."""
    q = select(M.Watch.list_name, M.Entity.id, M.Entity.name, M.Entity.type, M.Watch.added_at) \
        .join(M.Entity, M.Entity.id == M.Watch.entity_id)
    if list_name:
        q = q.where(M.Watch.list_name == _list_name(list_name))
    return [{"list": r.list_name, "entity_id": r.id, "name": r.name, "type": r.type, "added_at": r.added_at.isoformat()}
            for r in s.execute(q.order_by(M.Watch.list_name, M.Entity.name))]


def watched_ids(s: Session, list_name: str | None = None) -> list[str]:
    return list(s.scalars(select(M.Watch.entity_id).where(M.Watch.list_name == _list_name(list_name))))


def news(s: Session, list_name: str | None = None, since: str | None = None, limit: int = 100, lang: str = "id") -> dict:
    """New facts and status changes of the list's entities from `since` (an article
    date; default: the 30 days up to the latest article in the store)."""
    ln = _list_name(list_name)
    ids = watched_ids(s, ln)
    start = date_bound(since, what="since")
    if start is None:
        end = as_of(s)
        start = _days_before(end, NEWS_DAYS - 1) if end else None
    items = events(s, entity_ids=ids, since=start, types=FACT_TYPES, limit=limit, lang=lang) if ids else []
    return {"list": ln, "since": start, "watching": len(ids), "items": items}
