"""``{% url %}`` with its answers kept per process (issue 10: faster signed-in pages; campus.core.reverse).

Installed as a template builtin (settings.TEMPLATES ``builtins``), so it replaces Django's own ``url`` tag in
every template, with the same syntax and the same output (tests/core/test_fast_url.py). A failed reverse
raises (or gives "" with ``as``) as before.
"""

from django.template import Library
from django.template.defaulttags import URLNode, url as django_url
from django.urls.exceptions import NoReverseMatch
from django.utils.html import conditional_escape

from ..reverse import kept_reverse

register = Library()


class KeptURLNode(URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = kept_reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's ``{% url %}`` (same parsing, same output), its answers kept per process."""
    node = django_url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
