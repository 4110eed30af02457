"""Export and import of a strategy. JSON (``campus-strategy/1``): the whole strategy with its check-ins; the import
makes a new strategy of the person and reports every part it could not take (never an error page). CSV: one row per
objective, action and indicator, cells a spreadsheet would run as a formula neutralised (``campus.core.exports``)."""

import json
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from campus.core.exports import csv_bytes

from . import services, states
from .forms import parse_number
from .models import ActionStatus, Direction
from .selectors import number

FORMAT = "campus-strategy/1"
LIMITS = {"objectives": 50, "actions": 50, "indicators": 50, "targets": 50, "checkins": 500}


def to_json(whole) -> bytes:
    s = whole.strategy
    ids = {}
    objectives = []
    for n, o in enumerate(whole.objectives, start=1):
        actions, indicators = [], []
        for k, a in enumerate(o.action_list, start=1):
            ids[("a", a.pk)] = f"{n}.a{k}"
            actions.append({"key": f"{n}.a{k}", "title": a.title, "owner": a.owner_name,
                            "due_date": a.due_date.isoformat() if a.due_date else None, "status": a.status})
        for k, i in enumerate(o.indicator_list, start=1):
            ids[("i", i.pk)] = f"{n}.i{k}"
            indicators.append({"key": f"{n}.i{k}", "name": i.name, "unit": i.unit,
                               "baseline": {"value": number(i.baseline_value), "date": i.baseline_date.isoformat()},
                               "direction": i.direction,
                               "targets": [{"date": t.date.isoformat(), "value": number(t.value)} for t in i.target_list]})
        objectives.append({"title": o.title, "description": o.description, "actions": actions,
                           "indicators": indicators})
    checkins = [{"date": c.date.isoformat(), "note": c.note,
                 "readings": [{"indicator": ids.get(("i", r.indicator_id)), "value": number(r.value), "note": r.note}
                              for r in c.readings.all()],
                 "actions": [{"action": ids.get(("a", u.action_id)), "status": u.status}
                             for u in c.action_updates.all()]}
                for c in reversed(whole.checkins)]  # oldest first
    document = {"format": FORMAT, "cluster_name": s.cluster_name, "vision": s.vision, "mission": s.mission,
                "objectives": objectives, "checkins": checkins}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def to_csv(whole) -> bytes:
    header = ["objective_number", "objective", "kind", "title", "owner", "due_date", "status", "unit", "baseline",
              "baseline_date", "direction", "targets", "latest_value", "latest_date"]
    rows = [header]
    for n, o in enumerate(whole.objectives, start=1):
        rows.append([n, o.title, "objective", o.title, "", "", "", "", "", "", "", "", "", ""])
        for a in o.action_list:
            rows.append([n, o.title, "action", a.title, a.owner_name, a.due_date.isoformat() if a.due_date else "",
                         a.get_status_display(), "", "", "", "", "", "", ""])
        for i in o.indicator_list:
            p = whole.progress.get(i.pk)
            rows.append([n, o.title, "indicator", i.name, "", "", "", i.unit, number(i.baseline_value),
                         i.baseline_date.isoformat(), i.direction,
                         "; ".join(f"{t.date.isoformat()} {number(t.value)}" for t in i.target_list),
                         number(p.latest.value) if p and p.latest else "",
                         p.latest_date.isoformat() if p and p.latest_date else ""])
    return csv_bytes(rows)


# --- import ---------------------------------------------------------------------------------------------------


class ImportRefused(Exception):
    """The file as a whole cannot be read (shown next to the upload field)."""


@dataclass
class Report:
    skipped: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def skip(self, where: str, why: str) -> None:
        self.skipped.append(f"{where}: {why}")

    def count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1


def _text(value, limit: int) -> str:
    return " ".join(str(value).split())[:limit] if isinstance(value, (str, int, float)) else ""


def _long(value, limit: int = 3000) -> str:
    return str(value)[:limit] if isinstance(value, str) else ""


def _date(value):
    if not isinstance(value, str):
        raise ValueError("no date")
    return date.fromisoformat(value[:10])


def read(data: bytes) -> dict:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportRefused("This file is not JSON: export a strategy from here and upload that file.") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f"This is not a strategy exported from here (the file has no “format”: “{FORMAT}”).")
    if not _text(document.get("cluster_name"), 150):
        raise ImportRefused("The file has no cluster name.")
    return document


def _list(value, limit: int, where: str, report: Report, label: str) -> list:
    """The objects of the list ``value`` as (their number in the file, the object); others reported."""
    if not isinstance(value, list):
        if value is not None:
            report.skip(where, "not a list: left out")
        return []
    if len(value) > limit:
        report.skip(where, f"only the first {limit} were taken ({len(value)} in the file)")
    found = []
    for n, item in enumerate(value[:limit], start=1):
        if isinstance(item, dict):
            found.append((n, item))
        else:
            report.skip(f"{label} {n}", "not an object: left out")
    return found


def import_strategy(*, actor, edition, data: bytes) -> tuple:
    """A new private strategy of ``actor`` from an exported file; (strategy, Report). ImportRefused when the file
    cannot be read at all."""
    document = read(data)
    report = Report()
    with transaction.atomic():
        strategy = services.create_strategy(actor=actor, edition=edition,
                                            cluster_name=_text(document["cluster_name"], 150),
                                            vision=_long(document.get("vision")), mission=_long(document.get("mission")))
        keys = _import_objectives(strategy, actor, document, report)
        _import_checkins(strategy, actor, document, keys, report)
        for key, action in keys.items():
            if key[0] == "a" and action.final_status not in (None, action.status):
                try:
                    services.set_action_status(action=action, actor=actor, status=action.final_status)
                except services.StrategyError as error:
                    report.skip(f"“{action.title}”", str(error))
    return strategy, report


def _import_objectives(strategy, actor, document, report) -> dict:
    keys = {}
    for n, item in _list(document.get("objectives"), LIMITS["objectives"], "Objectives", report, "Objective"):
        title = _text(item.get("title"), 200)
        if not title:
            report.skip(f"Objective {n}", "it has no title")
            continue
        objective = services.add_objective(strategy=strategy, actor=actor, title=title,
                                           description=_long(item.get("description")))
        report.count("objectives")
        for k, a in _list(item.get("actions"), LIMITS["actions"], f"Objective {n}'s actions", report,
                          f"Objective {n}, action"):
            _import_action(objective, actor, a, f"Objective {n}, action {k}", keys, report)
        for k, i in _list(item.get("indicators"), LIMITS["indicators"], f"Objective {n}'s indicators", report,
                          f"Objective {n}, indicator"):
            _import_indicator(objective, actor, i, f"Objective {n}, indicator {k}", keys, report)
    return keys


def _import_action(objective, actor, a, where, keys, report) -> None:
    title = _text(a.get("title"), 200)
    if not title:
        report.skip(where, "it has no title")
        return
    due = None
    if a.get("due_date"):
        try:
            due = _date(a["due_date"])
        except ValueError:
            report.skip(where, f"the due date “{_text(a['due_date'], 30)}” is not a date (left empty)")
    raw = a.get("status") if isinstance(a.get("status"), str) else ""
    status = raw if raw in ActionStatus.values else None
    if a.get("status") and raw not in ActionStatus.values:
        report.skip(where, f"the status “{_text(a['status'], 30)}” is unknown (left as the check-ins say)")
    action = services.save_action(objective=objective, actor=actor, title=title, owner_name=_text(a.get("owner"), 150),
                                  due_date=due)
    action.final_status = status  # set once the check-ins are replayed
    keys[("a", _text(a.get("key"), 40) or where)] = action
    report.count("actions")


def _import_indicator(objective, actor, i, where, keys, report) -> None:
    name = _text(i.get("name"), 200)
    baseline = i.get("baseline") if isinstance(i.get("baseline"), dict) else {}
    try:
        value, when = parse_number(str(baseline.get("value", ""))), _date(baseline.get("date"))
    except ValueError:
        report.skip(where, "it has no name" if not name else "its baseline has no value or date")
        return
    if not name:
        report.skip(where, "it has no name")
        return
    targets, seen = [], set()
    for _k, t in _list(i.get("targets"), LIMITS["targets"], f"{where}'s targets", report, f"{where}, target"):
        try:
            target = (_date(t.get("date")), parse_number(str(t.get("value", ""))))
        except ValueError:
            report.skip(f"{where}, a target", "no date or value")
            continue
        if target[0] not in seen:
            seen.add(target[0])
            targets.append(target)
    direction = i.get("direction") if isinstance(i.get("direction"), str) and i["direction"] in Direction.values else Direction.UP
    indicator = services.save_indicator(objective=objective, actor=actor, name=name, unit=_text(i.get("unit"), 40),
                                        baseline_value=value, baseline_date=when, direction=direction,
                                        targets=targets)
    keys[("i", _text(i.get("key"), 40) or where)] = indicator
    report.count("indicators")


def _import_checkins(strategy, actor, document, keys, report) -> None:
    for n, c in _list(document.get("checkins"), LIMITS["checkins"], "Check-ins", report, "Check-in"):
        try:
            when = _date(c.get("date"))
        except ValueError:
            report.skip(f"Check-in {n}", "it has no date")
            continue
        readings = []
        for r in c.get("readings") if isinstance(c.get("readings"), list) else []:
            indicator = keys.get(("i", _text(r.get("indicator"), 40))) if isinstance(r, dict) else None
            try:
                value = parse_number(str(r.get("value", ""))) if indicator else None
            except ValueError:
                value = None
            if indicator is None or value is None:
                report.skip(f"Check-in {n} ({when})", "a value of an unknown indicator, or no number")
                continue
            readings.append((indicator, value, _long(r.get("note"), 2000)))
        statuses = {}
        for u in c.get("actions") if isinstance(c.get("actions"), list) else []:
            action = keys.get(("a", _text(u.get("action"), 40))) if isinstance(u, dict) else None
            if action is None or not isinstance(u.get("status"), str) or u["status"] not in ActionStatus.values:
                report.skip(f"Check-in {n} ({when})", "a status of an unknown action, or an unknown status")
                continue
            statuses[action] = u["status"]
        _record_imported(strategy, actor, when, c, readings, statuses, report, n)


def _record_imported(strategy, actor, when, c, readings, statuses, report, n) -> None:
    """A check-in as it was: each action's status set as recorded (history is not replayed through the machine:
    a status the machine refuses from the current one is reported and left out)."""
    kept = {}
    for action, status in statuses.items():
        if status == action.status or status in states.ALLOWED.get(action.status, set()):
            kept[action] = status
        else:
            report.skip(f"Check-in {n} ({when})", f"“{action.title}” cannot go from {action.status} to {status}")
    services.record_checkin(strategy=strategy, actor=actor, date=when, note=_long(c.get("note"), 5000),
                            readings=readings, statuses=kept)
    report.count("checkins")
