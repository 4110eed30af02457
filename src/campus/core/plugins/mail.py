"""Mail events: each app declares the mails it sends (key, label, placeholders, default texts, who may edit).

``campus.communications`` keeps a template per event key as data, checks placeholders against what the event
declares and lists whatever is registered here; it knows no app by name. An app registers its events from its
``plugin.py``::

    from campus.core.plugins import mail

    mail.register(mail.MailEvent(
        key="offer", label="Offer of a place",
        placeholders={"reply_by": "The reply-by date of the offer"},
        default_subject="Your place", default_body="Dear {name}, ... {reply_by}",
        attachment="acceptance_letter",
    ))
    mail.register_attachment("acceptance_letter", letters.attachment)

Besides its own placeholders every event offers the standard ones that communications fills in ({name},
{programme}, {status_url}, ...: ``communications.rendering.STANDARD``).

``{name}`` is the name the mail's context gives (the application's), else the account's; a person with neither
(an older account) is addressed by the event's ``addressee`` ("applicant", "reviewer"), never by the address.

``editable_by`` narrows who among the people who may edit mail templates at all (the edition's managers;
superusers for the default texts) may edit this event's text: a predicate ``(user, edition_id) -> bool``
(``edition_id`` None: the default text) or role names (the user holds one of them in the edition). None: no
narrowing.

Attachment providers are ``func(message) -> [(filename, bytes, mimetype), ...]``, called when the message is
sent (and for the staff preview). ``attachment`` on an event names the provider used when the code composing a
mail does not name one.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

KEY_MAX_LENGTH = 40  # communications' MailTemplate.event and OutboxMessage.event
ATTACHMENT_MAX_LENGTH = 60  # communications' OutboxMessage.attachment

Attachment = Callable[[object], Iterable[tuple[str, bytes, str]]]


@dataclass(frozen=True)
class MailEvent:
    key: str
    label: str
    placeholders: Mapping[str, str] = field(default_factory=dict)  # name -> description, for the editor
    default_subject: str = ""
    default_body: str = ""
    editable_by: Callable[[object, int | None], bool] | tuple[str, ...] | None = None
    attachment: str = ""  # the name of a registered attachment provider
    addressee: str = "applicant"  # {name} of a person without a name: "Dear applicant,", never the address

    def __post_init__(self):
        if len(self.key) > KEY_MAX_LENGTH or not re.fullmatch(r"[a-z][a-z0-9_]*", self.key):
            # it is part of the template editor's URL and stored in the outbox: lower-case letters, digits, _
            raise ValueError(f"A mail event key is like app_event (at most {KEY_MAX_LENGTH} characters): {self.key!r}")
        for name in self.placeholders:
            if not name.isidentifier():
                raise ValueError(f"{self.key}: a placeholder is a plain name, not {name!r}")
        object.__setattr__(self, "placeholders", MappingProxyType(dict(self.placeholders)))
        if isinstance(self.editable_by, (list, set, frozenset, str)):
            roles = (self.editable_by,) if isinstance(self.editable_by, str) else tuple(self.editable_by)
            object.__setattr__(self, "editable_by", roles)
        if len(self.attachment) > ATTACHMENT_MAX_LENGTH:
            raise ValueError(f"Attachment name too long: {self.attachment!r}")


_events: dict[str, MailEvent] = {}
_attachments: dict[str, Attachment] = {}


def register(event: MailEvent) -> MailEvent:
    """Add ``event``. The same event again does nothing (a module imported twice does no harm); another event
    under a key already taken is refused: two apps must not share a mail's key."""
    existing = _events.get(event.key)
    if existing is not None and existing != event:
        raise ValueError(f"The mail event key {event.key!r} is taken ({existing.label!r})")
    _events[event.key] = event
    return event


def unregister(key: str) -> None:
    """Remove the event ``key`` (tests; an app never needs it)."""
    _events.pop(key, None)


def get(key: str) -> MailEvent | None:
    return _events.get(key)


def events() -> list[MailEvent]:
    """Every registered event, in the order registered (the order of INSTALLED_APPS, then of each plugin.py)."""
    return list(_events.values())


def label(key: str) -> str:
    """The event's label; an unknown key (its app was removed) is shown as the key itself."""
    event = _events.get(key)
    return event.label if event is not None else key


def register_attachment(name: str, func: Attachment) -> None:
    """Make ``func(message) -> [(filename, bytes, mimetype), ...]`` available as ``attachment=name``."""
    if not name or len(name) > ATTACHMENT_MAX_LENGTH:
        raise ValueError(f"An attachment name is 1 to {ATTACHMENT_MAX_LENGTH} characters: {name!r}")
    _attachments[name] = func


def unregister_attachment(name: str) -> None:
    _attachments.pop(name, None)


def attachment_provider(name: str) -> Attachment | None:
    return _attachments.get(name)


# --- per-message headers (e.g. List-Unsubscribe, RFC 8058) ----------------------------------------
# ``register_headers(event_key, func)``: ``func(message) -> {header: value}`` is called when a message of that
# event is sent (not when it is composed), so a header may name what holds at that moment. Communications
# refuses names it sets itself and values with line breaks (campus.communications.sending).

Headers = Callable[[object], Mapping[str, str]]

_headers: dict[str, Headers] = {}


def register_headers(event_key: str, func: Headers) -> None:
    """Make ``func(message) -> {name: value}`` give the extra headers of every message of ``event_key``."""
    _headers[event_key] = func


def unregister_headers(event_key: str) -> None:
    _headers.pop(event_key, None)


def headers_provider(event_key: str) -> Headers | None:
    return _headers.get(event_key)
