"""Mail templates: which ``{placeholders}`` each event offers, checking a template, and filling it in.

A template is plain text with ``{name}``-style placeholders; ``{{`` and ``}}`` stand for a literal brace.
Filling in never evaluates anything: the template is split into literal text and placeholder names once
(``string.Formatter.parse``, no ``str.format``: no attribute access, no format specs), and each value is
inserted as plain text. A value that itself contains ``{x}`` or ``{{ }}`` (an applicant typed it) stays
exactly as typed.
"""

from string import Formatter

from campus.core.plugins import mail

# Offered in every event (compose() fills them in; the context may override them).
STANDARD = {
    "name": "The recipient's name",
    "email": "The recipient's email address",
    "programme": "The programme's name",
    "programme_short": "The programme's short name",
    "edition": "The edition, for example 2020–2021",
    "team_email": "The programme team's address",
    "site_url": "The address of the site",
    "status_url": "The applicant's status page",
}

# The closing lines of the default texts (each app's mail.py ends its texts with it).
SIGNATURE = """Kind regards,
The {programme_short} team
{team_email}"""


def placeholders_for(event: str) -> dict[str, str]:
    """Every placeholder ``event`` offers, name -> description (standard ones first); an event nobody registers
    (its app was removed) offers the standard ones."""
    registered = mail.get(event)
    return {**STANDARD, **(registered.placeholders if registered is not None else {})}


class TemplateError(ValueError):
    """A template that cannot be filled in; the message is meant for the person who wrote it."""


def _parts(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder or None) pairs; raises TemplateError for broken braces and anything but a name."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError as error:
        raise TemplateError(
            "A brace is not closed or not opened: write placeholders as {name}, and a literal brace as {{ or }}."
        ) from error
    parts = []
    for literal, field, spec, conversion in parsed:
        if field is None:
            parts.append((literal, None))
            continue
        if not field.isidentifier() or spec or conversion:
            shown = "{" + field + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            raise TemplateError(f"{shown} is not a placeholder: write a placeholder as a plain name, like {{name}}.")
        parts.append((literal, field))
    return parts


def check(text: str, event: str) -> None:
    """Raise TemplateError naming what is wrong with ``text`` as a template of ``event``."""
    offered = placeholders_for(event)
    unknown = []
    for _literal, field in _parts(text):
        if field is not None and field not in offered and field not in unknown:
            unknown.append(field)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        raise TemplateError(
            f"Unknown placeholder{'s' if len(unknown) > 1 else ''} {names}. This mail offers: "
            + ", ".join("{" + name + "}" for name in offered) + "."
        )


def fill(text: str, context: dict) -> str:
    """``text`` with each placeholder replaced by the plain text of its value (missing: empty).

    A template that does not parse (it was checked when saved, so only a hand-edited row) is sent as it is.
    """
    try:
        parts = _parts(text)
    except TemplateError:
        return text
    out = ""
    drop = 0
    for literal, field in parts:
        while drop and literal.startswith("\n"):
            literal, drop = literal[1:], drop - 1
        drop = 0
        out += literal
        if field is not None:
            value = context.get(field, "")
            value = "" if value is None else str(value)
            out += value
            # An empty placeholder alone on its line takes its line (and, in its own paragraph, one blank line)
            # with it: no stray blank lines where a sentence is left out.
            if not value and (not out or out.endswith("\n")):
                drop = 2 if out.endswith("\n\n") else 1
    return out


def one_line(text: str) -> str:
    """A subject: line breaks (a CR typed into a name) and runs of space become one space."""
    return " ".join(text.split())
