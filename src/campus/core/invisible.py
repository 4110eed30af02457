"""Invisible characters that change how text reads, made visible for staff.

Applicants' text is stored as typed. A right-to-left override (U+202E) in a name makes "Anna\u202eenoJ" read
as "AnnaJone" (backwards), and zero-width characters make two names that look the same differ (or hide words
from a search). Wherever staff read applicant-typed text, :func:`reveal` (the ``reveal`` template filter)
escapes it and shows each such character as a visible marker, for example ``⟨U+202E⟩``, whose title and
screen-reader text name it; :func:`reveal_plain` does the same in plain text (page titles, attributes).
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Bidirectional controls and zero-width characters (and the byte-order mark used as one).
INVISIBLE = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
    + ["\u200e", "\u200f", "\u061c"]  # LRM, RLM, ALM
    + [chr(c) for c in range(0x200B, 0x200E)]  # ZWSP, ZWNJ, ZWJ
    + ["\u2060", "\ufeff"]  # word joiner, zero-width no-break space (BOM)
)


def code_of(char: str) -> str:
    return f"U+{ord(char):04X}"


def label_of(char: str) -> str:
    """'right-to-left override' for U+202E."""
    return unicodedata.name(char, "invisible character").lower()


def has_invisible(text) -> bool:
    return text is not None and any(char in INVISIBLE for char in str(text))


def reveal(text) -> SafeString:
    """``text`` escaped for HTML, each invisible character replaced by a visible, labelled marker."""
    text = "" if text is None else str(text)
    if not has_invisible(text):
        return mark_safe(escape(text))  # noqa: S308 - escaped just now
    parts = []
    for char in text:
        if char in INVISIBLE:
            code, label = code_of(char), label_of(char)
            parts.append(
                f'<span class="invisible-char" title="Invisible character typed here: {label} ({code})">'
                f'<span aria-hidden="true">⟨{code}⟩</span>'
                f'<span class="visually-hidden">[invisible character: {label}, {code}]</span></span>'
            )
        else:
            parts.append(escape(char))
    return mark_safe("".join(parts))  # noqa: S308 - every character escaped above, markers are ours


def reveal_plain(text) -> str:
    """``text`` with each invisible character replaced by ``⟨U+XXXX⟩`` (for titles and attributes; escape as usual)."""
    text = "" if text is None else str(text)
    return "".join(f"⟨{code_of(char)}⟩" if char in INVISIBLE else char for char in text)
