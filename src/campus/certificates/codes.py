"""Verification codes: 10 characters of Crockford's base32 (50 random bits from ``secrets``), shown grouped
as ``K7M2Q-9XRTD``. No I, L, O or U, so nothing is misread; typed codes are read generously (lower case,
dashes and spaces, O for 0, I and L for 1)."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})
PATTERN = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code in its stored form, or None when ``typed`` cannot be one."""
    code = re.sub(r"[\s\-]", "", typed or "").upper().translate(_TYPED)
    return code if PATTERN.fullmatch(code) else None


def grouped(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"
