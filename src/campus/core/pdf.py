"""PDFs from typst templates (letters, booklet, certificates).

A template is a ``.typ`` file inside the campus package; it receives its data as JSON and reads it with
the shared prelude::

    #import "/core/typst/campus.typ": data
    Dear #data.name,

Strings from ``data`` are inserted as values, so typst shows them as text: user input such as
``#set page(width: 1pt)`` or ``*bold*`` is printed literally, never run as markup. Templates must never
``eval`` data.

By default the project root is the campus package (``src/campus``), so a template imports the shared
pieces with root-relative paths (``/core/typst/...``) and can use any file of the package. Pass ``root``
to reach files elsewhere (images of a booklet, say); the template must then lie under that root too.

Only typst's built-in fonts are used (Libertinus Serif, New Computer Modern, DejaVu Sans Mono), never the
machine's, so a PDF looks the same on every machine and the same data gives the same bytes.
Compiling is fast (about 0.1 s) and needs no network: fine in a view as in a background task.
"""

import json
from pathlib import Path

import typst
from django.core.serializers.json import DjangoJSONEncoder

CAMPUS_ROOT = Path(__file__).resolve().parent.parent


class PdfError(Exception):
    """A template could not be compiled; the message carries typst's diagnostic."""

    def __init__(self, message: str, *, hints: list[str] | None = None):
        super().__init__(message)
        self.hints = hints or []


def render_pdf(template: Path, *, data: dict, root: Path | None = None) -> bytes:
    """Compile ``template`` with ``data`` (JSON-serialisable; dates and decimals become ISO strings)."""
    template = Path(template).resolve()
    root = Path(root).resolve() if root is not None else CAMPUS_ROOT
    if not template.is_file():
        raise PdfError(f"No typst template at {template}.")
    if not template.is_relative_to(root):
        raise PdfError(f"The template {template} lies outside the typst root {root}.")
    try:
        # A Path (not a str, not bytes) is read as the main file, so relative imports resolve next to it.
        return typst.compile(
            template,
            root=root,
            sys_inputs={"data": json.dumps(data, cls=DjangoJSONEncoder)},
            ignore_system_fonts=True,
            format="pdf",
        )
    except typst.TypstError as error:
        detail = (error.diagnostic or error.message).strip()
        hints = list(error.hints or [])
        hint_text = "".join(f"\nhint: {hint}" for hint in hints)
        raise PdfError(
            f"Typst could not compile {template.relative_to(root)}: {error.message}\n{detail}{hint_text}",
            hints=hints,
        ) from error
