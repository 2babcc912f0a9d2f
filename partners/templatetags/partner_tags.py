"""Links into the partners app from other apps' templates."""

from urllib.parse import urlencode

from django import template

from partners.models import ApplicationFormPage, ApplicationType

register = template.Library()


def prefilled_form_url(request, locale_id, **fields):
    """The application form in the given language with `fields` chosen; "" when it is not live."""
    form_page = ApplicationFormPage.live_in_locale(locale_id)
    if form_page is None:
        return ""
    return f"{form_page.get_url(request)}?{urlencode(fields)}"


@register.simple_tag(takes_context=True)
def nomination_url(context, area, locale_id):
    """The application form opened as an expert nomination to `area`'s working group."""
    return prefilled_form_url(
        context.get("request"), locale_id, type=ApplicationType.EXPERT, group=area.slug
    )


@register.simple_tag(takes_context=True)
def application_url(context, application_type, locale_id):
    """The application form opened with `application_type` ("sponsorship", "startup") chosen."""
    return prefilled_form_url(context.get("request"), locale_id, type=application_type)
