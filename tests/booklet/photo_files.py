"""Photos for the tests, made in memory: ordinary ones and hostile ones."""

import io
import struct
import zlib

from PIL import Image


def jpeg(size=(800, 600), color=(200, 30, 30), *, orientation=None, gps=False, mode="RGB", comment=b"") -> bytes:
    image = Image.new(mode, size, color)
    if orientation or gps:
        exif = Image.Exif()
        if orientation:
            exif[0x0112] = orientation
        if gps:
            exif[0x010F] = "SecretCam"  # Make
            exif[0x8825] = {1: "N", 2: (60.0, 10.0, 0.0), 3: "E", 4: (24.0, 56.0, 0.0)}
        extra = {"exif": exif.tobytes()}
    else:
        extra = {}
    if comment:
        extra["comment"] = comment
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **extra)
    return out.getvalue()


def png(size=(640, 480), mode="RGBA", color=(10, 120, 200, 128)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, "PNG")
    return out.getvalue()


def webp(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 160, 60)).save(out, "WEBP")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def huge_png(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of ``width`` × ``height`` pixels, all black: a few hundred kB on disk that would
    need width × height bytes of memory once decoded (a decompression bomb)."""
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")


SVG = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
       b'<script>alert(document.cookie)</script><rect width="100" height="100"/></svg>')

# A real JPEG with an HTML page and a zip archive after its end: browsers sniffing it could run the script.
PAYLOAD = b"<html><script>alert('polyglot')</script></html>"


def polyglot() -> bytes:
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("evil.html", PAYLOAD)
    return jpeg() + PAYLOAD + archive.getvalue()


def fake_jpeg() -> bytes:
    """JPEG's first bytes, then a web page."""
    return b"\xff\xd8\xff\xe0" + PAYLOAD * 20


def truncated() -> bytes:
    data = jpeg((1200, 900))
    return data[: len(data) // 2]


def heic() -> bytes:
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (1, 2, 3)).save(out, "GIF")
    return out.getvalue()
