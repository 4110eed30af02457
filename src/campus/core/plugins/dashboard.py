"""Dashboard panels: what needs attention now, per call, on the staff home (/staff/).

The staff home knows no app by name. One app (applications) names the calls the dashboard is about; every app
that has something to say registers a panel from its ``plugin.py``::

    from campus.core.plugins import dashboard

    dashboard.register_calls(selectors.dashboard_calls)        # applications: () -> [call, ...]

    dashboard.register(dashboard.Panel(
        key="outbox", title="Outbox", order=50,
        predicate=can_use_outbox,                               # the predicate of the app's staff section
        items=outbox_attention,                                 # (user, calls) -> [Item(call_id, ...), ...]
    ))

``items(user, calls)`` is asked only when ``predicate(user)`` holds; it counts with the app's selectors in a
fixed number of queries whatever the number of applications (the staff home's query count is pinned), and
narrows to what ``user`` may see (the editions where they hold the role; a reviewer's own reviews). Each item
links to the list that shows the rows counted (filtered accordingly).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    call_id: int
    label: str  # what the count is of: "Staged decisions not released"
    count: int
    url: str  # the list, filtered to the rows counted
    note: str = ""  # a short line under the label


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    items: Callable = field(compare=False)  # (user, calls) -> list[Item]
    predicate: Callable = field(compare=False)  # (user) -> bool
    order: int = 100


@dataclass
class CallBlock:
    """One call on the dashboard: its panels (title, items), in the order of the panels."""

    call: object
    panels: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(item.count for _title, items in self.panels for item in items)


_panels: dict[str, Panel] = {}
_calls: list[Callable] = []


def register(panel: Panel) -> Panel:
    """Add (or replace: plugin modules may be imported again in tests) the panel named ``panel.key``."""
    _panels[panel.key] = panel
    return panel


def unregister(key: str) -> None:
    _panels.pop(key, None)


def panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.title))


def register_calls(source: Callable) -> None:
    """Name the calls the dashboard is about: ``source() -> [call, ...]`` (one source; a second replaces it)."""
    _calls[:] = [source]


def unregister_calls(source: Callable) -> None:
    if source in _calls:
        _calls.remove(source)


def blocks(user) -> list[CallBlock]:
    """For each call the dashboard is about, the panels ``user`` may see with their items (empty panels left out;
    calls without any panel left out)."""
    visible = [panel for panel in panels() if panel.predicate(user)]
    if not visible or not _calls:
        return []
    calls = list(_calls[0]())
    result = {call.pk: CallBlock(call=call) for call in calls}
    for panel in visible:
        by_call: dict[int, list[Item]] = {}
        for item in panel.items(user, calls):
            if item.call_id in result:
                by_call.setdefault(item.call_id, []).append(item)
        for call_id, items in by_call.items():
            result[call_id].panels.append((panel.title, items))
    return [block for block in result.values() if block.panels]
