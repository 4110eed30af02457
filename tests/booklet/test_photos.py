"""Photos are judged by content, decoded under limits and re-encoded: never stored or served as uploaded."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campus.booklet import photos

from . import photo_files as files


def process(data: bytes, name: str = "me.jpg"):
    return photos.process_photo(SimpleUploadedFile(name, data, content_type="image/jpeg"))


def refused(data: bytes, name: str = "me.jpg") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        process(data, name)
    return caught.value


def opened(result) -> Image.Image:
    image = Image.open(io.BytesIO(result.data))
    image.load()
    return image


def test_a_jpeg_is_turned_upright_resized_and_stripped_of_every_metadata():
    original = files.jpeg((3000, 2000), orientation=6, gps=True, comment=b"secret comment")
    assert b"SecretCam" in original

    result = process(original)

    image = opened(result)
    assert image.format == "JPEG" and image.mode == "RGB"
    # orientation 6: turned a quarter; 3000 × 2000 became 2000 × 3000, then at most 1200 on the longer side
    assert (image.width, image.height) == (result.width, result.height) == (800, 1200)
    assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert "comment" not in image.info
    assert b"SecretCam" not in result.data and b"secret comment" not in result.data
    assert result.content_type == "image/jpeg" and len(result.sha256) == 64


def test_png_with_transparency_and_webp_become_jpeg_on_white():
    result = process(files.png((640, 480), color=(0, 0, 0, 0)), "me.png")
    image = opened(result)
    assert (image.format, image.size) == ("JPEG", (640, 480))
    assert image.getpixel((10, 10)) == (255, 255, 255)  # fully transparent: white, not black

    image = opened(process(files.webp(), "me.webp"))
    assert image.format == "JPEG" and image.size == (640, 480)


def test_a_cmyk_jpeg_is_converted_to_rgb():
    image = opened(process(files.jpeg((400, 300), color=(0, 255, 255, 0), mode="CMYK")))
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((200, 150))
    assert red > 180 and green < 80 and blue < 80  # magenta + yellow: red


def test_a_sixteen_bit_png_is_read():
    image = opened(process(files.png((300, 300), mode="I;16", color=40000), "deep.png"))
    assert image.mode == "RGB" and image.getpixel((1, 1))[0] in range(150, 160)


def test_a_polyglot_keeps_only_its_pixels():
    data = files.polyglot()
    assert files.PAYLOAD in data and b"PK\x03\x04" in data
    result = process(data)
    assert files.PAYLOAD not in result.data and b"PK\x03\x04" not in result.data and b"<" not in result.data[-200:]
    assert opened(result).size == (800, 600)


@pytest.mark.parametrize(("data", "code", "words"), [
    (files.SVG, "svg", "not a photo"),
    (b"<svg onload=alert(1)>", "svg", "not a photo"),
    (files.fake_jpeg(), "unreadable", "damaged or incomplete"),
    (files.truncated(), "unreadable", "damaged or incomplete"),
    (files.png((800, 600))[:300], "unreadable", "damaged or incomplete"),
    (files.heic(), "heic", "HEIC"),
    (files.gif(), "file_type", "JPEG, PNG or WebP"),
    (b"%PDF-1.7\n...", "file_type", "JPEG, PNG or WebP"),
    (b"", "empty", "empty"),
    (files.jpeg((60, 40)), "too_small", "60 × 40"),
])
def test_what_is_not_a_usable_photo_is_refused_with_a_message(data, code, words):
    error = refused(data)
    assert error.code == code
    assert words in error.messages[0]


def test_a_30000_by_30000_png_is_refused_before_it_is_decoded():
    data = files.huge_png(30_000, 30_000)
    assert len(data) < 1024 * 1024  # small on disk, 900 million pixels decoded
    error = refused(data, "huge.png")
    assert error.code == "too_many_pixels" and "too many pixels" in error.messages[0]


def test_a_picture_just_past_our_limit_is_refused_with_its_size():
    data = files.huge_png(8_000, 7_000)  # 56 megapixels: past ours, short of Pillow's refusal
    error = refused(data, "big.png")
    assert error.code == "too_many_pixels" and "8,000 × 7,000 pixels" in error.messages[0]


def test_a_decompression_bomb_is_refused():
    data = files.huge_png(12_000, 9_000)  # 108 megapixels: past Pillow's own limit too
    assert len(data) < 200 * 1024
    assert refused(data, "bomb.png").code == "too_many_pixels"


def test_a_file_over_the_size_limit_is_refused_unread():
    data = b"\xff\xd8\xff" + b"\x00" * (photos.MAX_BYTES + 1)
    error = refused(data)
    assert error.code == "too_large" and "10 MB" in error.messages[0]
