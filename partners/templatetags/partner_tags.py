"""Links into the partners app from other apps' templates."""

from urllib.parse import urlencode

from django import template

from partners.models import ApplicationFormPage, ApplicationType

register = template.Library()


@register.simple_tag(takes_context=True)
def nomination_url(context, area, locale_id):
    """The application form in the given language, opened as an expert nomination to `area`'s
    working group; "" when the form is not live."""
    form_page = ApplicationFormPage.live_in_locale(locale_id)
    if form_page is None:
        return ""
    query = urlencode({"type": ApplicationType.EXPERT, "group": area.slug})
    return f"{form_page.get_url(context.get('request'))}?{query}"
