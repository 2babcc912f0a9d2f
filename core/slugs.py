"""Page addresses in plain ASCII: "Lepší města hledají partnery" → "lepsi-mesta-hledaji-partnery".

Czech letters are transliterated, not percent-encoded, so addresses read the same in a browser,
a feed, the sitemap and an e-mail.
"""

from anyascii import anyascii
from django.utils.text import slugify

SLUG_MAX_LENGTH = 80


def ascii_slug(text, max_length=SLUG_MAX_LENGTH):
    return slugify(anyascii(str(text)))[:max_length].strip("-")
