"""Phase 8 of the report (bench/radars_render.py and bench/radars_import.py): the radar of 150 blips (its SVG
picture, its list view) and importing 10,000 BYOR CSV rows (issue 14)."""

import json
from pathlib import Path

RADAR_HEADERS = ["what", "size", "time", "target", ""]


def load_radars(folder: Path, read_env) -> dict:
    render = json.loads((folder / "radars_render.json").read_text())
    imported = json.loads((folder / "radars_import.json").read_text())
    page = imported.get("page") or {}
    table = [
        ["radar SVG (layout + drawing)", f"{render['blips']} blips", f"{render['svg_ms']:.1f} ms (median of {render['runs']})",
         f"< {render['svg_target_ms']} ms", "met" if render["svg_ok"] else "MISSED"],
        ["list view, rendered (grouped list, filters, picture)", f"{render['blips']} blips",
         f"{render['list_ms']:.1f} ms (median of {render['runs']})", "—", ""],
    ]
    if page:
        table.append(["list view, whole request (GET " + page["path"] + ", signed in)",
                      f"{page['blips']} blips, {page['bytes']:,} bytes, {page['queries']} queries",
                      f"p50 {page['p50_ms']:.1f} ms, p90 {page['p90_ms']:.1f} ms, CPU {page['cpu_ms']:.1f} ms "
                      f"({page['requests']} requests)", "—", ""])
    table.append([f"BYOR CSV import ({imported['bytes'] / 1e6:.1f} MB), parse + commit as a draft edition",
                  f"{imported['rows']:,} rows → {imported['blips']:,} blips, {imported['problems']} rows reported",
                  f"{imported['total_p50_s']:.2f} s (parse {imported['parse_s']:.2f} s, commit "
                  f"{imported['commit_s']:.2f} s; slowest {imported['total_max_s']:.2f} s)",
                  f"< {imported['limit_s']:.0f} s", "met" if imported["met"] else "MISSED"])
    return {"kind": "radars", "env": read_env(folder / "phase.env"), "render": render, "import": imported,
            "table": table, "met": bool(render["svg_ok"] and imported["met"])}


def radars_md(phase: dict, md_table) -> str:
    render, imported = phase["render"], phase["import"]
    return ("## 8. Radars: the picture and the list of 150 blips, a BYOR import of 10,000 rows\n\n"
            f"Targets (issue 14): the SVG of a {render['blips']}-blip radar in under {render['svg_target_ms']} ms and "
            f"the import of {imported['rows']:,} BYOR rows in under {imported['limit_s']:.0f} s — "
            f"**{'met' if phase['met'] else 'MISSED'}**; the list view of that radar is measured without a target. "
            f"{phase['env'].get('SETUP', '')} (load average before: {phase['env'].get('LOAD_BEFORE', '?')}). The blips are spread unevenly (half of them in three crowded segments), "
            "with every kind of movement; the import's rows carry markup and scripts to clean in every tenth "
            "description.\n\n" + md_table(RADAR_HEADERS, phase["table"]) + "\n")
