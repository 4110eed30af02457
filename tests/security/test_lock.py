"""requirements.lock: every package pinned with a hash, and in step with requirements.txt.

Regenerate it with ``.venv/bin/python -m tests.security.lock`` after changing requirements.txt.
"""

import re

from .lock import LOCK, canonical, read_lock, read_requirements

HASH_LINE = re.compile(r"^    --hash=sha256:[0-9a-f]{64}( \\)?$")
FIX = "Run .venv/bin/python -m tests.security.lock to regenerate requirements.lock."


def test_every_package_in_the_lock_is_pinned_with_a_hash():
    lines = LOCK.read_text().splitlines()
    problems = []
    current, hashes = None, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("    --hash="):
            if not HASH_LINE.match(line):
                problems.append(f"line {number}: not a sha256 hash: {line!r}")
            hashes += 1
            continue
        if current is not None and hashes == 0:
            problems.append(f"{current} has no hash")
        if not re.match(r"^[a-z0-9][a-z0-9-]*==[^\s=]+ \\$", line):
            problems.append(f"line {number}: not a pinned package followed by its hashes: {line!r}")
        current, hashes = line.split("==")[0], 0
    if current is not None and hashes == 0:
        problems.append(f"{current} has no hash")
    assert not problems, "\n".join(problems)
    assert len(read_lock()) >= len(read_requirements())


def test_every_requirement_is_in_the_lock_with_the_same_version():
    lock = read_lock()
    problems = []
    for name, version in read_requirements().items():
        if name not in lock:
            problems.append(f"{name}=={version} (requirements.txt) is not in requirements.lock")
        elif lock[name][0] != version:
            problems.append(f"{name}: requirements.txt pins {version}, requirements.lock {lock[name][0]}")
    assert not problems, "\n".join(problems) + "\n" + FIX


def test_the_extras_requested_are_locked_too():
    lock = read_lock()
    assert "psycopg-binary" in lock and lock["psycopg-binary"][0] == lock["psycopg"][0]  # psycopg[binary]
    assert {"fido2", "qrcode"} <= set(lock)  # django-allauth[mfa]


def test_canonical_names():
    assert canonical("Django") == "django" and canonical("factory_boy") == "factory-boy"
    assert canonical("psycopg[binary]".split("[")[0]) == "psycopg"
