"""Stage "date": the day a document is filed under, decided once in the pipeline so
that `warta extract`, `warta ingest` and the Spark job agree on it.

The page's own publication date comes first, then the reference date inferred from
its body, then the date its container gives (the WARC-Date of a crawl record, a JSON
Lines "date"); a page none of these date is filed under the day it was processed."""
from __future__ import annotations

import datetime as dt

from warta.model import WorkDoc
from warta.stage import stage


def day_of(wd: WorkDoc) -> str:
    """The ISO day of `wd`: its reference date (`WorkDoc.reference_date`), or today."""
    return (wd.reference_date or dt.date.today()).isoformat()


@stage("date", requires=("raw", "doc.metadata"), assigns=("date",))
def date(wd: WorkDoc) -> WorkDoc:
    wd.date = day_of(wd)
    return wd
