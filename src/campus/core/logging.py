"""Request ids and structured (JSON) logs.

- :class:`RequestIdMiddleware` gives every request an id: the one in the ``X-Request-ID`` header when it is
  well-formed (``[A-Za-z0-9-]{1,64}``; nginx sets it, see deploy/nginx/), a new one otherwise. The id goes
  back in the ``X-Request-ID`` response header, is kept in a context variable while the request runs, and
  the middleware writes one access record per request (logger ``campus.request``: method, path, status,
  duration_ms).
- :class:`RequestIdFilter` copies the current id onto every log record (``record.request_id``), so any
  message logged during a request, by any library, can be traced back to it.
- :class:`JsonFormatter` writes one JSON object per record (time, level, logger, message, request_id and
  the request fields). ``LOG_FORMAT=json`` turns it on (settings.py); development keeps plain text.

This module imports only the standard library at import time: gunicorn's own log configuration
(deploy/gunicorn.conf.py) uses the formatter before Django is set up.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import datetime, timezone

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("campus_request_id", default=None)

request_logger = logging.getLogger("campus.request")

# Attributes every LogRecord has; anything else on a record came through ``extra=`` and is written out.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {
    "message", "asctime", "request_id", "taskName",
}
# ``extra`` keys that are objects, not data (Django's django.request logger passes the request itself).
_SKIPPED_EXTRA = {"request", "server_time"}


def current_request_id() -> str | None:
    """The id of the request being handled in this thread (or task), if any."""
    return _request_id.get()


def valid_request_id(value: str | None) -> str | None:
    """``value`` when it is an acceptable request id, else None (never trust a header blindly: it is logged)."""
    if value and _VALID_REQUEST_ID.fullmatch(value):
        return value
    return None


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every record ("-" outside a request), for formatters to use."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = _request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, then the record's extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", None)
        if not request_id or request_id == "-":
            request_id = _request_id.get()
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=timezone.utc).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and key not in _SKIPPED_EXTRA and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestIdMiddleware:
    """The outermost middleware: request id in and out, and one access record per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = valid_request_id(request.headers.get(REQUEST_ID_HEADER)) or new_request_id()
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500  # what the client gets if an exception escapes every other layer
        try:
            response = self.get_response(request)
            status = response.status_code
            response.headers[REQUEST_ID_HEADER] = request_id
            return response
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            # Load balancers ask /healthz every few seconds: their successes stay out of the way.
            level = logging.DEBUG if request.path == "/healthz" and status == 200 else logging.INFO
            request_logger.log(
                level,
                "%s %s %s %.1fms",
                request.method,
                request.path,
                status,
                duration_ms,
                extra={
                    "request_id": request_id, "method": request.method, "path": request.path, "status": status,
                    "duration_ms": duration_ms,
                },
            )
            _request_id.reset(token)
