"""Markdown written by staff, rendered to safe HTML (markdown, then nh3 keeps only harmless tags)."""

from functools import lru_cache

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


@lru_cache(maxsize=2048)
def _render(text: str) -> str:
    html = md.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str | None) -> SafeString:
    return mark_safe(_render(text or ""))  # noqa: S308 - cleaned by nh3 above


MARKDOWN_HELP = (
    "Markdown: **bold**, *italic*, [link](https://example.org), lists with '- ', "
    "headings with '## '. Raw HTML and scripts are removed."
)
