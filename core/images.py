"""Responsive images: every image the public site shows is a `<picture>` with WebP (and AVIF for
photographs, where the installed Pillow encodes it) and the original's format as the fallback,
at the widths its place on the page needs, with the fallback's width and height so the layout
does not jump.

Templates name the place (`{% responsive_image image "card" %}`, core/templatetags/site_tags.py),
not the sizes; listings prefetch exactly the renditions of their place (`renditions_prefetch`),
and `load_site` makes the sample images' renditions once (`make_renditions`), so that no visitor
waits for an encoder.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from PIL import features
from wagtail.images import get_image_model
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

# Pillow built without libavif cannot write AVIF: WebP then leads.
AVIF = features.check("avif")
# The formats a fallback keeps (a logo's transparency needs PNG); anything else becomes JPEG.
FALLBACK_FORMATS = {"png": "png", "gif": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "jpeg"}


@dataclass(frozen=True)
class ImagePlace:
    """Where an image appears: its resize rules (one per width offered, smallest first) and the
    `sizes` that tells the browser how wide the place is, so it fetches no more than that."""

    resize_rules: tuple
    sizes: str


PLACES = {
    # A partner's logo in its 15rem × 7.5rem box (cards and profile), twice that for sharp screens.
    "logo": ImagePlace(("max-224x104", "max-448x208"), "14rem"),
    # A catalogue card's picture: the card's width (one column on a phone, up to three).
    "card": ImagePlace(
        ("fill-400x225", "fill-800x450"), "(min-width: 72rem) 26rem, (min-width: 40rem) 48vw, 94vw"
    ),
    # The picture at the head of a project: the text column's width.
    "lead": ImagePlace(("width-640", "width-960", "width-1280"), "(min-width: 50rem) 48rem, 94vw"),
    # An image in a page's body (components/streamfield/blocks/captioned_image_block.html).
    "body": ImagePlace(("width-500", "width-1000"), "(min-width: 50rem) 48rem, 94vw"),
}


def image_formats(image):
    """The formats `image` is offered in, best first; the last is the fallback.

    AVIF pays for photographs. For flat artwork (PNG: logos, illustrations, diagrams) it came
    out no smaller than WebP on the sample illustrations (12.7 kB against 11.8 kB at 1280 px)
    while taking over ten times as long to encode with Wagtail's settings, so artwork gets WebP.
    """
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    fallback = FALLBACK_FORMATS.get(extension, "jpeg")
    modern = ("avif", "webp") if AVIF and fallback == "jpeg" else ("webp",)
    return (*modern, fallback)


def filter_specs(image, place):
    """The Wagtail filter specs of every rendition `image` needs in `place`."""
    formats = image_formats(image)
    return [f"{rule}|format-{fmt}" for fmt in formats for rule in PLACES[place].resize_rules]


def picture(image, place, **attrs):
    """`image` as a `<picture>` for `place`; `attrs` go on its `<img>` (alt, loading, class)."""
    renditions = get_renditions_or_not_found(image, filter_specs(image, place))
    return Picture(renditions, {"sizes": PLACES[place].sizes, **attrs}).__html__()


def renditions_prefetch(lookup, place):
    """A Prefetch of the renditions `place` shows for the image at `lookup` ("logo"), so a
    listing's pictures cost one query, however many items it shows."""
    specs = {
        f"{rule}|format-{fmt}"
        for fmt in ("avif", "webp", *FALLBACK_FORMATS.values())
        for rule in PLACES[place].resize_rules
    }
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=specs),
        to_attr="prefetched_renditions",
    )


def make_renditions(image, *places):
    """Create the renditions of `image` for `places` now (load_site), not on a first visit."""
    image.get_renditions(*(spec for place in places for spec in filter_specs(image, place)))
