"""The one-page strategy map as SVG, rendered on the server (no script, nothing from another origin).

Three columns, one band per objective: its actions on the left, the objective in the middle, its indicators on the
right, each item joined to its objective by a line. The layout is deterministic and computed before any drawing
(``layout``), so a test can check that no two boxes overlap and every box lies inside the canvas. Titles are
wrapped to the box's width and cut with an ellipsis after a few lines; the full text is in each box's ``<title>``
and in the text alternative the page shows next to the picture (the list of objectives, actions and indicators).
"""

from dataclasses import dataclass, field

from django.utils.html import escape

WIDTH = 960.0
MARGIN = 16.0
COL_W = 288.0
OBJ_W = 248.0
GAP_X = (WIDTH - 2 * MARGIN - 2 * COL_W - OBJ_W) / 2  # between the columns: the lines
ITEM_H = 58.0
ITEM_GAP = 8.0
BAND_GAP = 22.0
HEAD_H = 34.0
LINE_H = 15.0
PAD = 8.0
CHAR_W = 7.0  # a generous average width of a 12.5 px sans-serif character
META_CHAR_W = 6.2  # of an 11 px one
OBJ_LINES = 5
ITEM_LINES = 2


@dataclass
class Box:
    kind: str  # objective, action, indicator
    x: float
    y: float
    w: float
    h: float
    lines: list
    full: str
    meta: str = ""


@dataclass
class Layout:
    width: float
    height: float
    boxes: list = field(default_factory=list)
    edges: list = field(default_factory=list)  # (x1, y1, x2, y2)


def wrap(text: str, width: float, max_lines: int) -> list[str]:
    """``text`` in lines of at most ``width`` pixels (estimated), at most ``max_lines``, the last ellipsised."""
    per_line = max(4, int((width - 2 * PAD) // CHAR_W))
    words, lines, current = " ".join(str(text).split()).split(" "), [], ""
    for word in words:
        while len(word) > per_line:  # a word longer than the line is cut
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = lines[:max_lines - 1] + [(last[:per_line - 1].rstrip() + "…")]
    return lines or [""]


def _meta(text: str) -> str:
    """The small line under an item (11 px type: about 6.2 px a character), cut with "…"."""
    per_line = int((COL_W - 2 * PAD) // META_CHAR_W)
    text = " ".join(str(text or "").split())
    return text if len(text) <= per_line else text[:per_line - 1].rstrip() + "…"


def layout(objectives) -> Layout:
    """``objectives``: [(title, [(action title, meta)], [(indicator name, meta)])] in order."""
    x_act = MARGIN
    x_obj = MARGIN + COL_W + GAP_X
    x_ind = x_obj + OBJ_W + GAP_X
    result = Layout(width=WIDTH, height=0)
    y = MARGIN + HEAD_H
    for title, actions, indicators in objectives:
        obj_lines = wrap(title, OBJ_W, OBJ_LINES)
        obj_h = max(ITEM_H, len(obj_lines) * LINE_H + 2 * PAD)
        n = max(len(actions), len(indicators), 1)
        items_h = n * ITEM_H + (n - 1) * ITEM_GAP
        band_h = max(items_h, obj_h)
        objective = Box("objective", x_obj, y + (band_h - obj_h) / 2, OBJ_W, obj_h, obj_lines, title)
        result.boxes.append(objective)
        mid = objective.y + obj_h / 2
        for kind, items, x, edge_x, obj_x in (("action", actions, x_act, x_act + COL_W, x_obj),
                                               ("indicator", indicators, x_ind, x_ind, x_obj + OBJ_W)):
            top = y + (band_h - (len(items) * ITEM_H + max(len(items) - 1, 0) * ITEM_GAP)) / 2
            for k, (text, meta) in enumerate(items):
                box = Box(kind, x, top + k * (ITEM_H + ITEM_GAP), COL_W, ITEM_H,
                          wrap(text, COL_W, ITEM_LINES), text, meta=_meta(meta))
                result.boxes.append(box)
                result.edges.append((obj_x, mid, edge_x, box.y + ITEM_H / 2))
        y += band_h + BAND_GAP
    result.height = max(y - BAND_GAP + MARGIN, MARGIN * 2 + HEAD_H + ITEM_H)
    return result


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


FILL = {"objective": "#0b4f6c", "action": "#eef4f8", "indicator": "#f4f1e8"}
STROKE = {"objective": "#0b4f6c", "action": "#4a6a80", "indicator": "#7a6a3a"}
INK = {"objective": "#ffffff", "action": "#16222e", "indicator": "#16222e"}


def _box(box: Box) -> list[str]:
    out = [f'<g><title>{escape(box.full)}{" – " + escape(box.meta) if box.meta else ""}</title>',
           f'<rect x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.w)}" height="{_f(box.h)}" rx="6" '
           f'fill="{FILL[box.kind]}" stroke="{STROKE[box.kind]}" stroke-width="1.2"/>']
    weight = ' font-weight="bold"' if box.kind == "objective" else ""
    text_h = len(box.lines) * LINE_H + (LINE_H if box.meta else 0)
    y0 = box.y + (box.h - text_h) / 2 + LINE_H - 3.5
    for k, line in enumerate(box.lines):
        out.append(f'<text x="{_f(box.x + PAD)}" y="{_f(y0 + k * LINE_H)}" font-size="12.5" fill="{INK[box.kind]}"'
                   f'{weight}>{escape(line)}</text>')
    if box.meta:
        out.append(f'<text x="{_f(box.x + PAD)}" y="{_f(y0 + len(box.lines) * LINE_H)}" font-size="11" '
                   f'fill="#3d4b57">{escape(box.meta)}</text>')
    out.append("</g>")
    return out


def render(objectives, *, title: str, svg_id: str = "strategy-map") -> str:
    """The map of ``objectives`` (as for ``layout``) as one ``role="img"`` SVG with a title and a description."""
    plan = layout(objectives)
    desc = (f"{len(objectives)} objective{'s' if len(objectives) != 1 else ''}, each joined to its actions (left) "
            "and indicators (right). The list next to the map holds the same in text.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(plan.width)} {_f(plan.height)}" '
           f'width="{_f(plan.width)}" height="{_f(plan.height)}" role="img" id="{svg_id}" '
           f'aria-labelledby="{svg_id}-title {svg_id}-desc" class="strategy-svg" font-family="sans-serif">',
           f'<title id="{svg_id}-title">Strategy map: {escape(title)}</title>',
           f'<desc id="{svg_id}-desc">{escape(desc)}</desc>',
           f'<rect x="0" y="0" width="{_f(plan.width)}" height="{_f(plan.height)}" fill="#ffffff"/>']
    x_obj = MARGIN + COL_W + GAP_X
    for label, x, w in (("Actions", MARGIN, COL_W), ("Strategic objectives", x_obj, OBJ_W),
                        ("Indicators", x_obj + OBJ_W + GAP_X, COL_W)):
        out.append(f'<text x="{_f(x + w / 2)}" y="{_f(MARGIN + 16)}" text-anchor="middle" font-size="14" '
                   f'font-weight="bold" fill="#16222e">{label}</text>')
    for x1, y1, x2, y2 in plan.edges:
        out.append(f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" stroke="#6b7c8a" '
                   'stroke-width="1.2"/>')
    if not objectives:
        out.append(f'<text x="{_f(plan.width / 2)}" y="{_f(MARGIN + HEAD_H + 30)}" text-anchor="middle" '
                   'font-size="13" fill="#3d4b57">No objective yet.</text>')
    for box in plan.boxes:
        out.extend(_box(box))
    out.append("</svg>")
    return "".join(out)


def map_data(whole) -> list:
    """The map's input from ``selectors.whole``: each objective with its actions and indicators, with a short meta."""
    data = []
    for objective in whole.objectives:
        actions = [(a.title, " · ".join(p for p in (a.get_status_display(), a.owner_name,
                                                     f"due {a.due_date:%d %b %Y}" if a.due_date else "") if p))
                   for a in objective.action_list]
        indicators = []
        for ind in objective.indicator_list:
            prog = whole.progress.get(ind.pk)
            meta = f"{prog.percent} % of the way to the next target" if prog and prog.percent is not None else (
                "no check-in yet")
            indicators.append((ind.name, meta))
        data.append((objective.title, actions, indicators))
    return data
