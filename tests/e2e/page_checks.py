"""Checks run in the page (JavaScript), shared by the browser tests of the site's chrome (issue 11).

- :func:`focus_failures`: every focusable element shows a focus indicator with at least 3:1 contrast against
  what surrounds it (WCAG 1.4.11), measured from the computed outline and box-shadow rings and the backgrounds
  behind them (colours, translucent layers and gradients).
- :func:`reflow_failures`: nothing scrolls sideways and no element's content spills out of its box (long words,
  rows of buttons, tables outside a scrolling frame) — used at 320 px and at 200 % text.
"""

FOCUS_JS = r"""
(limit) => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  // What is painted behind an element's outside: its ancestors' colours, down to the first opaque one or gradient.
  const behind = (el) => {
    const layers = [];
    for (let n = el.parentElement; n; n = n.parentElement) {
      const cs = getComputedStyle(n);
      const bg = parse(cs.backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] >= 1) return [layers.reduceRight((acc, c) => over(c, acc), [255, 255, 255, 1])];
      if (cs.backgroundImage.includes("gradient")) {
        const stops = (cs.backgroundImage.match(/rgba?\([^)]+\)/g) || []).map(parse);
        return stops.map((s) => layers.reduceRight((acc, c) => over(c, acc), over(s, [255, 255, 255, 1])));
      }
    }
    return [layers.reduceRight((acc, c) => over(c, acc), [255, 255, 255, 1])];
  };
  // The rings an element draws: its outline, and box-shadows that are plain rings (no offset, no blur).
  const rings = (el) => {
    const cs = getComputedStyle(el);
    const found = [];
    if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1) found.push(parse(cs.outlineColor));
    for (const shadow of (cs.boxShadow === "none" ? [] : cs.boxShadow.split(/,(?![^(]*\))/))) {
      const colour = parse(shadow);
      const nums = shadow.replace(/rgba?\([^)]+\)/, "").trim().split(/\s+/).map(parseFloat);
      if (colour && nums.length >= 4 && nums[0] === 0 && nums[1] === 0 && nums[2] === 0 && nums[3] >= 1) found.push(colour);
    }
    return found.filter(Boolean);
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "")
    + ' "' + (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30) + '"';
  const selector = 'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const failures = [];
  let checked = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (checked >= limit) break;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === "hidden" || el.closest("[hidden], .hp")) continue;
    if (el.closest(".visually-hidden, .skip-link")) continue;  // shown only on focus, on their own dark box
    el.focus();
    if (document.activeElement !== el) continue;
    checked++;
    if (!el.matches(":focus-visible")) { failures.push(name(el) + ": no :focus-visible on keyboard focus"); continue; }
    // The indicator is the element's own ring, or (cards whose whole area is the link) the nearest ancestor's.
    let holder = el;
    while (holder && !rings(holder).length && holder !== document.body) holder = holder.parentElement;
    if (!holder || holder === document.body) { failures.push(name(el) + ": no focus indicator"); continue; }
    const backgrounds = behind(holder);
    const best = Math.max(...rings(holder).map((ring) => Math.min(...backgrounds.map((bg) => contrast(over(ring, bg), bg)))));
    if (best < 3) failures.push(name(el) + ": focus indicator contrast " + best.toFixed(2) + ":1");
  }
  if (document.activeElement) document.activeElement.blur();
  return {checked, failures};
}
"""

REFLOW_JS = r"""
() => {
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const clipped = (el) => {
    for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
      if (getComputedStyle(n).overflowX !== "visible") return true;
    }
    return false;
  };
  const failures = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) failures.push("the page scrolls sideways by " + (root.scrollWidth - root.clientWidth) + " px");
  const spilling = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.display === "contents" || cs.display === "inline" || cs.overflowX !== "visible") continue;
    if (clipped(el)) continue;  // inside a frame that scrolls or clips (a table's scroller, the visually hidden)
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) spilling.push(el);
  }
  // Only the innermost: an ancestor of a spilling element spills too.
  for (const el of spilling) {
    if (!spilling.some((other) => other !== el && el.contains(other))) {
      failures.push(name(el) + " spills by " + (el.scrollWidth - el.clientWidth) + " px");
    }
  }
  return failures.slice(0, 6);
}
"""


def focus_failures(page, *, limit: int = 80) -> tuple[int, list[str]]:
    """Focus each focusable element (after a real Tab, so focus counts as keyboard focus) and measure its ring."""
    page.keyboard.press("Tab")
    result = page.evaluate(FOCUS_JS, limit)
    return result["checked"], result["failures"]


def reflow_failures(page) -> list[str]:
    return page.evaluate(REFLOW_JS)


def set_text_size(page, percent: int) -> None:
    """Text at ``percent`` % (what a reader's browser setting for the text size does: every rem and em grows)."""
    page.evaluate("(p) => { document.documentElement.style.fontSize = p + '%'; }", percent)
