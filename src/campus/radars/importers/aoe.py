"""AOE's technology radar: a zip of release folders (e.g. ``radar/2019-11-01/``), one Markdown file per item and
release with front matter (``title``, ``ring``, ``quadrant`` or ``segment``, ``tags``, ``featured``); the body is
the description. Each release folder is an edition, oldest first; an item stays on later releases in its latest
ring until a later file moves it (as AOE's radar shows it).

The zip is read with care: at most ``MAX_FILES`` entries and ``MAX_TOTAL`` bytes unpacked (each file at most
``MAX_FILE``, counted while reading, so a zip bomb stops early), no absolute paths or "..", only .md files."""

from __future__ import annotations

import io
import posixpath
import zipfile

import markdown
import yaml

from ..models import Radar
from .common import (
    ImportRefused, Parsed, ParsedEdition, Places, Row, Seen, add_row, clean_description, decode, plain,
)

MAX_FILES = 2000
MAX_FILE = 256 * 1024
MAX_TOTAL = 20 * 1024 * 1024


def _safe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not name.startswith(("/", "\\")) and ".." not in parts and ":" not in parts[0]


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """At most MAX_FILE bytes of one member, read in pieces (a lying header cannot make it bigger)."""
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(65536):
            out += chunk
            budget[0] -= len(chunk)
            if len(out) > MAX_FILE:
                raise ValueError("larger than allowed")
            if budget[0] < 0:
                raise ImportRefused("The zip unpacks to more than allowed.")
    return bytes(out)


def files(data: bytes, parsed: Parsed) -> list[tuple[str, str, str]]:
    """(release, path, text) of each Markdown file; anything refused goes to the report (line 0)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportRefused("This is not a zip file.") from error
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise ImportRefused(f"The zip holds more than {MAX_FILES} files.")
    budget, out = [MAX_TOTAL], []
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename
        if not _safe(name):
            parsed.problem(0, f"Unsafe path “{plain(name, 200)}”: skipped.")
        elif not name.lower().endswith(".md"):
            parsed.problem(0, f"Not a Markdown file: “{plain(name, 200)}”.")
        elif info.file_size > MAX_FILE:
            parsed.problem(0, f"“{plain(name, 200)}” is larger than {MAX_FILE // 1024} KB.")
        else:
            try:
                text = decode(_read(archive, info, budget))
            except (ValueError, zipfile.BadZipFile, RuntimeError, EOFError):
                parsed.problem(0, f"“{plain(name, 200)}” cannot be read or is larger than allowed.")
                continue
            release = posixpath.basename(posixpath.dirname(name)) or "release"
            out.append((release, name, text))
    return out


def front_matter(text: str) -> tuple[dict, str]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        raise ValueError("the front matter does not end")
    meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    if not isinstance(meta, dict):
        raise ValueError("the front matter is not a mapping")
    return meta, "\n".join(lines[end + 1:])


def parse(data: bytes, radar: Radar) -> tuple[Parsed, list[str]]:
    parsed, places = Parsed(), Places(radar)
    found = files(data, parsed)
    latest: dict[str, tuple] = {}  # name → (quadrant, ring, description, tags) as of the release being read
    by_release: dict[str, list] = {}
    for release, path, text in sorted(found):
        by_release.setdefault(release, []).append((path, text))
    releases = sorted(by_release)
    for release in releases:
        edition, seen = ParsedEdition(name=release), Seen()
        parsed.editions.append(edition)
        for path, text in by_release[release]:
            _file(parsed, places, latest, path, text)
        for name, (line, quadrant, ring, description, tags) in latest.items():
            add_row(parsed, edition, seen, Row(line=line, name=name, quadrant=quadrant, ring=ring,
                                               description=description, tags=tags))
    return parsed, releases


def _file(parsed, places, latest, path, text) -> None:
    label = plain(path, 200)
    try:
        meta, body = front_matter(text)
    except (ValueError, yaml.YAMLError) as error:
        return parsed.problem(0, f"{label}: cannot read the front matter ({plain(error, 100)}).")
    stem = posixpath.splitext(posixpath.basename(path))[0]
    name = plain(meta.get("title") or stem, 150)
    previous = latest.get(name)
    quadrant = places.quadrant(meta.get("quadrant") or meta.get("segment")) if (
        meta.get("quadrant") or meta.get("segment")) else (previous[1] if previous else None)
    ring = places.ring(meta.get("ring")) if meta.get("ring") else (previous[2] if previous else None)
    if quadrant is None:
        wanted = plain(meta.get("quadrant") or meta.get("segment"), 80)
        return parsed.problem(0, f"{label}: unknown quadrant “{wanted}”.", name)
    if ring is None:
        return parsed.problem(0, f"{label}: unknown ring “{plain(meta.get('ring'), 80)}”.", name)
    tags = meta.get("tags") or []
    tags = ", ".join(plain(t, 60) for t in tags) if isinstance(tags, list) else plain(tags, 300)
    description = clean_description(markdown.markdown(body)) if body.strip() else (previous[3] if previous else "")
    latest[name] = (0, quadrant, ring, description, tags[:300])
