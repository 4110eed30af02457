"""Bidi controls and zero-width characters: shown to staff as visible, labelled markers; everything else
escaped (campus.core.invisible and the `reveal` filters)."""

import pytest
from django.template import Context, Template

from campus.core.invisible import INVISIBLE, has_invisible, reveal, reveal_plain

LISTED = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff"


def test_every_character_of_the_issue_is_covered():
    assert set(LISTED) == INVISIBLE


@pytest.mark.parametrize("char", list(LISTED))
def test_each_one_becomes_a_visible_marker_with_a_name(char):
    html = reveal(f"a{char}b")
    code = f"U+{ord(char):04X}"
    assert char not in html
    assert f'<span aria-hidden="true">⟨{code}⟩</span>' in html
    assert f"{code}]</span>" in html  # read out by screen readers
    assert html.startswith("a<span") and html.endswith("</span>b")


def test_a_right_to_left_override_in_a_name():
    html = reveal("Anna \u202eenoJ")
    assert html == (
        'Anna <span class="invisible-char" title="Invisible character typed here: right-to-left override (U+202E)">'
        '<span aria-hidden="true">⟨U+202E⟩</span>'
        '<span class="visually-hidden">[invisible character: right-to-left override, U+202E]</span></span>enoJ'
    )
    assert reveal_plain("Anna \u202eenoJ") == "Anna ⟨U+202E⟩enoJ"


def test_everything_else_is_escaped_with_or_without_markers():
    assert reveal('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert reveal('<b>\u200b</b>').startswith("&lt;b&gt;<span")
    assert reveal(None) == "" and reveal(42) == "42"
    assert not has_invisible("Äijälä Łukasz 简历 عربي") and reveal("Äijälä عربي") == "Äijälä عربي"


def test_the_filters_in_a_template_escape_once():
    template = Template('{% load campus %}<h1>{{ name|reveal }}</h1><title>{{ name|reveal_plain }}</title>'
                        '<p>{{ text|reveal|linebreaksbr }}</p>')
    html = template.render(Context({"name": "<i>Eve</i>\u202e", "text": "one\n\u200btwo & three"}))
    assert "<h1>&lt;i&gt;Eve&lt;/i&gt;<span class=\"invisible-char\"" in html
    assert "<title>&lt;i&gt;Eve&lt;/i&gt;⟨U+202E⟩</title>" in html
    assert "<p>one<br><span class=\"invisible-char\"" in html and "two &amp; three</p>" in html
