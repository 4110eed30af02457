"""A counter per key and time window, in the shared cache ("default"), exact across processes.

The "default" cache is where every process sees the same values (Redis, or Django's database cache without
Redis: see settings.py). Its ``incr`` is not atomic on the database cache (a read, then a write), so two
workers could both count 3 -> 4; a short lock (``cache.add``, which is atomic on every backend) makes each
count a step of its own, as allauth does for its limits.
"""

import time

from django.core.cache import cache

# The lock guards a read and a write (milliseconds). It lives 1 s, less than a waiter waits (LOCK_WAIT): a lock
# left by a process killed inside the guarded part (SIGKILL, OOM) blocks the key for at most a second, not
# every request of the key for LOCK_SECONDS (found by the fault test that kills a web instance under load).
LOCK_SECONDS = 1
LOCK_WAIT = 2.0


def hit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one hit of ``key``; True while at most ``limit`` hits fell in the current ``seconds`` window.

    Refused hits are not counted. If the lock cannot be had in time the hit is refused (stricter, never looser).
    """
    lock = f"{key}:lock"
    deadline = time.monotonic() + LOCK_WAIT
    pause = 0.01
    while not cache.add(lock, 1, timeout=LOCK_SECONDS):
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.1)
    try:
        now = time.time()
        started, count = cache.get(key) or (now, 0)
        if now - started >= seconds:
            started, count = now, 0
        if count >= limit:
            return False
        cache.set(key, (started, count + 1), timeout=max(1, int(started + seconds - now) + 1))
        return True
    finally:
        cache.delete(lock)
