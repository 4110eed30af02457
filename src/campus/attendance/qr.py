"""The QR code of a session's check-in, as inline SVG made on the server (segno; nothing from another origin)."""

import io

import segno


def svg(url: str) -> str:
    """An SVG of ``url`` that scales with its box (no fixed width/height; a title for screen readers)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=1, border=2, xmldecl=False, svgns=True, omitsize=True,
              title="QR code of the check-in link", svgclass="qr-code", lineclass=None)
    return buffer.getvalue().decode("utf-8")
