"""The test app's data, in memory: a field note per person, and how often its job ran."""

NOTES: dict[int, str] = {}  # user id -> note
RUNS: list[str] = []


def clear() -> None:
    NOTES.clear()
    RUNS.clear()
