"""The whole strategy as a PDF (typst, A4) through ``campus.core.pdf``: cover, vision, mission, objectives with
actions and indicators (baseline, targets, latest check-in), check-ins and the map."""

from django.utils import timezone

from campus.core.pdf import CAMPUS_ROOT, render_pdf
from campus.radars import sharing

from . import svg
from .selectors import number

TEMPLATE = CAMPUS_ROOT / "strategy" / "typst" / "strategy.typ"


def _unit(value, unit: str) -> str:
    return f"{number(value)} {unit}".strip()


def _indicator(ind, progress) -> dict:
    targets = "; ".join(f"{_unit(t.value, ind.unit)} by {t.date:%d %b %Y}" for t in ind.target_list) or "none"
    latest = (f"{_unit(progress.latest.value, ind.unit)} on {progress.latest_date:%d %b %Y}"
              + (f" ({progress.latest.note})" if progress.latest.note else "")) if progress.latest else "none yet"
    return {"name": ind.name, "direction": ind.get_direction_display().lower(),
            "baseline": f"{_unit(ind.baseline_value, ind.unit)} on {ind.baseline_date:%d %b %Y}",
            "targets": targets, "latest": latest, "percent": progress.percent}


def data_of(whole) -> dict:
    s = whole.strategy
    names = {i.pk: i for i in whole.indicators}
    return {
        "cluster_name": s.cluster_name, "owner": sharing.owner_label(s), "vision": s.vision, "mission": s.mission,
        "date": timezone.localdate().strftime("%d %B %Y"), "programme": str(s.edition),
        "objective_count": len(whole.objectives), "action_count": len(whole.actions),
        "indicator_count": len(whole.indicators), "checkin_count": len(whole.checkins),
        "objectives": [{
            "number": n, "title": o.title, "description": o.description,
            "actions": [{"title": a.title, "owner": a.owner_name or "—",
                         "due": a.due_date.strftime("%d %b %Y") if a.due_date else "—",
                         "status": a.get_status_display()} for a in o.action_list],
            "indicators": [_indicator(i, whole.progress[i.pk]) for i in o.indicator_list],
        } for n, o in enumerate(whole.objectives, start=1)],
        "checkins": [{
            "date": c.date.strftime("%d %b %Y"), "note": c.note,
            "readings": [{"name": r.indicator.name, "value": _unit(r.value, names[r.indicator_id].unit
                                                                   if r.indicator_id in names else ""),
                          "note": r.note} for r in c.readings.all()],
            "actions": [{"title": u.action.title, "status": u.get_status_display()} for u in c.action_updates.all()],
        } for c in whole.checkins],
        "svg": svg.render(svg.map_data(whole), title=s.cluster_name),
    }


def pdf_bytes(whole) -> bytes:
    return render_pdf(TEMPLATE, data=data_of(whole))
