"""icadb's own Datasette hooks (registered through the ``datasette`` entry point).

- Every connection enforces foreign keys.
- Table pages fold the list of column descriptions into a <details>.
- Served files are followed across rebuilds, and responses cached between
  them (icadb.serving).
- Calendar feeds: datasette-ics turns every ``event_dtstart`` into a date-time
  at midnight UTC, so an event on 17 October shows on the 16th for a reader
  west of UTC. Rows whose ``event_dtstart`` is a plain date (YYYY-MM-DD)
  become all-day events here, written ``DTSTART;VALUE=DATE``, which no time
  zone shifts.
"""

from __future__ import annotations

from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    conn.execute("PRAGMA foreign_keys=ON")


# Datasette lists every column's description above a table; with a codebook as
# full as ours that pushes the rows off the screen. Fold the list into a
# <details> that one click opens (the descriptions also show in each column's menu).
FOLD_COLUMN_DESCRIPTIONS = """
document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
  var details = document.createElement('details');
  details.className = 'column-descriptions-fold';
  var summary = document.createElement('summary');
  summary.textContent = 'What each column means (' + dl.querySelectorAll('dt').length + ' columns)';
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def asgi_wrapper(datasette):
    from icadb.serving import wrap

    return lambda app: wrap(app, datasette)


@hookimpl
def extra_body_script(view_name):
    if view_name == "table":
        return FOLD_COLUMN_DESCRIPTIONS
    return None


def _all_day_events() -> None:
    try:
        import datasette_ics
        from datasette_ics.utils import EventWithTimezone
        from ics.event import Event
    except ImportError:  # pragma: no cover - the plugin is a pinned dependency
        return

    class DateAwareEvent(EventWithTimezone):
        """An event whose start given as a plain date makes it an all-day event."""

        @Event.begin.setter
        def begin(self, value):
            Event.begin.fset(self, value)
            if isinstance(value, str) and len(value) == 10:
                self.make_all_day()

    datasette_ics.EventWithTimezone = DateAwareEvent


_all_day_events()
