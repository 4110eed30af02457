"""``{% url %}`` is campus.core.templatetags.fast_url (a template builtin): the same output as Django's own tag,
its answers kept per URL resolver, so a replaced URLconf or script prefix is never answered from the old one."""

import pytest
from django.http import HttpResponse
from django.template import Context, Engine, engines
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse, set_script_prefix

from campus.core.templatetags.fast_url import KeptURLNode


def _view(request, **kwargs):
    return HttpResponse("")


urlpatterns = [  # the URLconf of one test below (ROOT_URLCONF=this module)
    path("elsewhere/", _view, name="home"),
    path("elsewhere/<int:number>/<slug:slug>/", _view, name="thing"),
]


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def django_render(source: str, **context) -> str:
    """The same template through Django's own tag (an engine without the builtin)."""
    return Engine(libraries={}).from_string(source).render(Context(context))


def test_the_project_uses_the_kept_tag():
    template = engines["django"].from_string("{% url 'programme:home' %}")
    assert any(isinstance(node, KeptURLNode) for node in template.template.nodelist)


@pytest.mark.parametrize("source, context", [
    ("{% url 'programme:home' %}", {}),
    ("{% url 'programme:module' 3 %}", {}),
    ("{% url 'programme:module' number %}", {"number": 3}),
    ("{% url 'programme:module' number=number %}", {"number": "3"}),
    ("{% url name number %}", {"name": "programme:module", "number": 4}),
    ("{% url 'programme:page' slug %}", {"slug": "privacy"}),
    ("{% url 'programme:home' as home %}[{{ home }}]", {}),
    ("{% url 'no-such-name' as missing %}[{{ missing }}]", {}),
])
def test_the_output_is_django_s(source, context):
    first, second = render(source, **context), render(source, **context)  # the second comes from what was kept
    assert first == second == django_render(source, **context)


def test_a_url_with_characters_to_escape_is_escaped_as_django_does():
    source = "{% url 'programme:page' slug %}"
    assert render(source, slug="a-b") == django_render(source, slug="a-b") == reverse("programme:page", args=["a-b"])


def test_an_unknown_name_still_raises_and_is_not_kept():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            render("{% url 'no-such-name' %}")


def test_arguments_that_are_not_plain_are_reversed_every_time():
    class Number:
        def __init__(self, value):
            self.value = value

        def __str__(self):
            return str(self.value)

    source = "{% url 'programme:module' number %}"
    assert render(source, number=Number(3)) == reverse("programme:module", args=[3])
    assert render(source, number=Number(4)) == reverse("programme:module", args=[4])


def test_another_urlconf_is_not_answered_from_the_old_one():
    source = "{% url 'home' %}|{% url 'thing' 7 'x' %}"
    with override_settings(ROOT_URLCONF="campus.core.bench_urls"):
        before = render("{% url 'programme:home' %}")
    with override_settings(ROOT_URLCONF=__name__):
        assert render(source) == "/elsewhere/|/elsewhere/7/x/"
    assert render("{% url 'programme:home' %}") == before == reverse("programme:home")


def test_the_script_prefix_is_part_of_the_key():
    plain = render("{% url 'programme:about' %}")
    try:
        set_script_prefix("/campus/")
        assert render("{% url 'programme:about' %}") == "/campus" + plain
    finally:
        set_script_prefix("/")
    assert render("{% url 'programme:about' %}") == plain
