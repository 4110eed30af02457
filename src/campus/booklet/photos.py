"""Booklet photos: judged by their content, decoded with Pillow under limits, and re-encoded.

What is stored is never what was uploaded: :func:`process_photo` reads a JPEG, PNG or WebP (by its first bytes,
never by its name or the browser's word), refuses anything else with a message for the person, refuses pictures
too large to decode safely before decoding them (a decompression bomb, a 30,000 × 30,000 PNG), turns the
picture upright by its EXIF orientation, converts it to sRGB (CMYK and other colour modes included; transparency
on white), shrinks it to at most :data:`MAX_SIDE` pixels and writes a fresh JPEG with no metadata at all (no
EXIF, no GPS, no ICC profile, no comments). A polyglot (an image with a script or an archive appended) is
harmless: only the decoded pixels survive.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageCms, ImageOps

MB = 1024 * 1024
MAX_BYTES = 10 * MB
MAX_PIXELS = 50_000_000  # decoded pixels (about 150 MB of memory as RGB)
MAX_SIDE = 1200  # the longer side of the stored photo
MIN_SIDE = 100  # a smaller picture would print as a blur
QUALITY = 86
ALLOWED = "JPEG, PNG or WebP"

# Pillow's own guard: it warns past this many pixels and refuses twice as many. We check the size ourselves
# before decoding (with a clearer message), so this only backs that check up.
if not Image.MAX_IMAGE_PIXELS or Image.MAX_IMAGE_PIXELS > MAX_PIXELS:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS

_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# What Pillow raises on damaged, truncated or hostile files.
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError, ZeroDivisionError,
              MemoryError, Image.DecompressionBombError)


@dataclass(frozen=True)
class ProcessedPhoto:
    data: bytes
    width: int
    height: int
    sha256: str
    content_type: str = "image/jpeg"
    extension: str = "jpg"


def _error(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _read(uploaded_file) -> bytes:
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > MAX_BYTES:
        raise _too_large(declared)
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_BYTES + 1)
    uploaded_file.seek(0)
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if not data:
        raise _error(f"This file is empty. Please choose your photo again ({ALLOWED}).", "empty")
    return data


def _too_large(size: int) -> ValidationError:
    return _error(f"This file is {size / MB:.1f} MB; the limit is {MAX_BYTES // MB} MB. "
                  "Please upload a smaller photo.", "too_large")


def sniff(head: bytes) -> str | None:
    """'JPEG', 'PNG' or 'WEBP' from the first bytes; None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def _not_a_photo(head: bytes) -> ValidationError:
    text = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<") or b"<svg" in text:
        return _error(f"This is a drawing or web page (SVG or HTML), not a photo. Please upload a photo as {ALLOWED}.",
                      "svg")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return _error(f"This photo is in HEIC or AVIF format, which we cannot print. Please save it as {ALLOWED} "
                      "(on an iPhone: Settings, Camera, Formats, Most Compatible) and upload it again.", "heic")
    return _error(f"This file is not a photo we can use. Please upload a photo as {ALLOWED}.", "file_type")


def _open(data: bytes, kind: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size check below says more
            image = Image.open(io.BytesIO(data), formats=[kind])
    except Image.DecompressionBombError:
        raise _error(f"This picture has too many pixels to be read safely (more than {MAX_PIXELS // 1_000_000} "
                     "megapixels). Please upload a smaller version of it.", "too_many_pixels") from None
    except UNREADABLE:
        raise _unreadable() from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise _unreadable()
    if width * height > MAX_PIXELS:
        raise _error(f"This picture is {width:,} × {height:,} pixels, more than we can read safely "
                     f"({MAX_PIXELS // 1_000_000} megapixels). Please upload a smaller version of it.",
                     "too_many_pixels")
    if min(width, height) < MIN_SIDE:
        raise _error(f"This picture is only {width} × {height} pixels; it would print as a blur. Please upload a "
                     f"photo at least {MIN_SIDE} pixels wide and high.", "too_small")
    return image


def _unreadable() -> ValidationError:
    return _error(f"This photo is damaged or incomplete and cannot be read. Please save it again as {ALLOWED} "
                  "and upload it once more.", "unreadable")


def _decode(image: Image.Image) -> Image.Image:
    """The picture's pixels, upright, in RGB, at most MAX_SIDE on the longer side."""
    if image.format == "JPEG":
        image.draft("RGB" if image.mode != "CMYK" else "CMYK", (MAX_SIDE * 2, MAX_SIDE * 2))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.seek(0)
            image.load()
            upright = ImageOps.exif_transpose(image)
            rgb = _to_rgb(upright)
            rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            rgb.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _error("This picture has too many pixels to be read safely. Please upload a smaller version of it.",
                     "too_many_pixels") from None
    except UNREADABLE:
        raise _unreadable() from None
    return rgb


_SRGB = None


def _srgb():
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.createProfile("sRGB")
    return _SRGB


def _to_rgb(image: Image.Image) -> Image.Image:
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, _srgb(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile: convert without it
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def process_photo(uploaded_file) -> ProcessedPhoto:
    """Judge and re-encode ``uploaded_file`` (any seekable binary file object); raise ``ValidationError`` with a
    message for the person for anything that is not a usable JPEG, PNG or WebP photo."""
    data = _read(uploaded_file)
    kind = sniff(data[:16])
    if kind is None:
        raise _not_a_photo(data[:1024])
    image = _open(data, kind)
    try:
        if image.format != kind:
            raise _not_a_photo(data[:1024])
        rgb = _decode(image)
    finally:
        image.close()
    # Only the pixels go on: a new image carries no info (EXIF, ICC, comments, XMP) from the upload.
    clean = Image.frombytes("RGB", rgb.size, rgb.tobytes())
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=QUALITY, optimize=True, progressive=True)
    encoded = out.getvalue()
    return ProcessedPhoto(data=encoded, width=clean.width, height=clean.height,
                          sha256=hashlib.sha256(encoded).hexdigest())
