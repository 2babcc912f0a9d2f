"""Plain text out of rich text, for what is read outside the page: meta tags, structured data."""

import html

from django.utils.html import strip_tags


def plain_text(markup):
    """`markup` without tags or entities, its whitespace collapsed to single spaces."""
    return " ".join(html.unescape(strip_tags(markup)).split())
