"""Ids that people send (form fields, query strings, lists of ticked boxes): whole numbers of the 64-bit range.

Every key of the database is a 64-bit signed integer. SQLite's driver raises ``OverflowError`` (a server error)
for a query parameter outside -2**63 .. 2**63-1; PostgreSQL compares it as a number and finds nothing. Two
layers keep such an id from ever reaching a query as a crash:

* forms: :class:`IdChoiceField` and :class:`IdMultipleChoiceField` (and :func:`valid_id` for a plain choice
  field of ids) refuse an id outside the range with a message at the field, before any query is made;
* queries: lookups registered in ``CoreConfig.ready`` (:func:`register_lookups`) drop the values that the column
  cannot hold from an ``__in`` list on integer fields and foreign keys, and make ``exact`` on a foreign key match
  nothing for them, as Django already does for ``exact``, ``gt``, ``lt``… on integer fields (``EmptyResultSet``):
  such a value cannot match a row, on either database. This covers the Django admin (``?id__in=``, an action's
  ``_selected_action``), every ``pk__in`` of our views and ids from URLs (``edition_id=<int:…>``).
"""

from django import forms
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

ID_MIN, ID_MAX = -(2**63), 2**63 - 1
OUT_OF_RANGE = "“%(value)s” is not one of the choices (no id is that large)."


def as_id(value) -> int | None:
    """The id that ``value`` spells (a whole number of the 64-bit range), else None."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if ID_MIN <= number <= ID_MAX else None


def valid_id(value) -> bool:
    """For ``TypedMultipleChoiceField.valid_value`` where any id is accepted and the view filters."""
    number = as_id(value)
    return number is not None and number >= 0


def ids_from(values) -> list[int]:
    """The ids among ``values`` (a ``getlist``), anything else left out."""
    return [number for number in map(as_id, values) if number is not None]


def _refuse_out_of_range(values):
    for value in values:
        if value in (None, ""):
            continue
        try:
            number = int(str(value).strip())
        except ValueError:
            continue  # not a number at all: the field's own check answers
        if not ID_MIN <= number <= ID_MAX:
            raise ValidationError(OUT_OF_RANGE, code="invalid_choice", params={"value": value})


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField over an integer key that refuses an out-of-range id with a message at the field."""

    def to_python(self, value):
        _refuse_out_of_range([value])
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same for several ids (checkboxes)."""

    def clean(self, value):
        if isinstance(value, (list, tuple)):
            _refuse_out_of_range(value)
        return super().clean(value)


def _range_of(lookup, connection):
    """The values the column on the left can hold: (low, high), None where unbounded or not an integer column."""
    field = lookup.lhs.output_field
    while getattr(field, "target_field", None) is not None and field.target_field is not field:
        field = field.target_field  # a foreign key: the range of the key it points to
    if not isinstance(field, IntegerField):
        return None, None
    try:
        return connection.ops.integer_field_range(field.get_internal_type())
    except KeyError:  # an integer type the backend does not list
        return None, None


def _holdable(value, low, high) -> bool:
    return not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))


class _InRange:
    """``__in``: the values no row can hold are dropped (none left: no row matches)."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _range_of(self, connection)
            self.rhs = [value for value in self.rhs if _holdable(value, low, high)]
        return super().process_rhs(compiler, connection)


class _ExactInRange:
    """``exact`` on a foreign key: a value no row can hold matches nothing (as Django does for integer fields)."""

    def process_rhs(self, compiler, connection):
        if not _holdable(self.rhs, *_range_of(self, connection)):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class IntegerIn(_InRange, In):
    pass


class RelatedIntegerIn(_InRange, RelatedIn):
    pass


class RelatedIntegerExact(_ExactInRange, RelatedExact):
    pass


def register_lookups() -> None:
    IntegerField.register_lookup(IntegerIn)
    ForeignKey.register_lookup(RelatedIntegerIn)
    ForeignKey.register_lookup(RelatedIntegerExact)
