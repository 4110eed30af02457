"""How much room one part of a multipart body has for its headers.

Django reads a part's headers (``Content-Disposition`` with the file name, ``Content-Type``) within
``django.http.multipartparser.MAX_TOTAL_HEADER_SIZE``: 1 KiB. A file name of about 1,000 bytes (250 emoji,
a long name in a script of 3-byte letters) does not fit, and the whole body is refused: every field the
person typed in that step is lost. 16 KiB holds any name a file system can store (255 bytes on most, 255
UTF-16 units on Windows: at most about 1 KiB of UTF-8, 3 KiB percent-encoded). The name is cleaned and
shortened after parsing (``core.files.safe_name``); the number and size of parts stay capped by
``DATA_UPLOAD_MAX_NUMBER_FIELDS``/``_FILES`` and ``DATA_UPLOAD_MAX_MEMORY_SIZE``. A body beyond this still
fails, and gets the 400 page (``templates/400.html``), which says what to do.
"""

from django.http import multipartparser

PART_HEADER_BYTES = 16 * 1024


def widen_part_headers() -> None:
    # Read by MultiPartParser on every parse (a module constant, no setting exists for it).
    multipartparser.MAX_TOTAL_HEADER_SIZE = max(multipartparser.MAX_TOTAL_HEADER_SIZE, PART_HEADER_BYTES)
