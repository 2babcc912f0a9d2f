"""Every page type Wagtail knows, so a check run over them covers a new type without anyone
remembering to add it (the loaded site must have a live example of each)."""

from wagtail.models import Page, get_page_models

SITE_PAGE_TYPES = sorted(
    (model for model in get_page_models() if model is not Page), key=lambda m: m.__name__
)


def example_pages(model, english_locale):
    """{"cs": a live Czech page of `model`, "en": its English translation}."""
    cs_page = model.objects.live().filter(locale__language_code="cs").first()
    return {"cs": cs_page, "en": cs_page.get_translation(english_locale)}
