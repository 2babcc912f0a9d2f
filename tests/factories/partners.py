"""Factories for the partners app: form pages, their fields, submissions and outbox messages."""

import time

import factory
import wagtail_factories
from django.utils import timezone

from partners.forms import started_token
from partners.models import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
    OutgoingEmail,
)


class ApplicationFormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formulář {n}")
    slug = factory.Sequence(lambda n: f"formular-{n}")
    intro = "<p>Napište nám.</p>"
    thank_you_text = "<p>Děkujeme.</p>"
    confirmation_sponsorship = "Ozveme se do dvou týdnů."
    confirmation_question = "Odpovíme do pěti dnů."

    class Meta:
        model = ApplicationFormPage


class ApplicationFormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ApplicationFormPageFactory)
    label = factory.Sequence(lambda n: f"Pole {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = ApplicationFormField


def form_page_with_fields(parent, **kwargs):
    """A published form page under `parent` with a name, e-mail and message field."""
    page = ApplicationFormPageFactory(parent=parent, **kwargs)
    for order, (clean_name, label, field_type) in enumerate(
        [
            ("name", "Jméno", "singleline"),
            ("email", "E-mail", "email"),
            ("message", "Zpráva", "multiline"),
        ]
    ):
        ApplicationFormFieldFactory(
            page=page, clean_name=clean_name, label=label, field_type=field_type, sort_order=order
        )
    page.save_revision().publish()
    return page


def valid_post_data(**overrides):
    """What a person sends from the loaded form: every required field, opened a minute ago."""
    data = {
        "application_type": "sponsorship",
        "name": "Jana Dvořáková",
        "email": "jana.dvorakova@example.cz",
        "organisation": "Chytrá řešení, s. r. o.",
        "phone": "",
        "working_group": "",
        "message": "Rádi bychom se zapojili do sponzorského programu.",
        "extra_url": "",
        "form_started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return data


class ApplicationSubmissionFactory(factory.django.DjangoModelFactory):
    language = "cs"
    form_data = factory.LazyFunction(
        lambda: {
            key: value
            for key, value in valid_post_data().items()
            if key not in ("extra_url", "form_started")
        }
    )

    class Meta:
        model = ApplicationSubmission

    @factory.post_generation
    def submit_time(obj, create, extracted, **kwargs):
        # submit_time is auto_now_add: an explicit value has to be written after creation.
        if extracted is not None:
            obj.submit_time = extracted
            ApplicationSubmission.objects.filter(pk=obj.pk).update(submit_time=extracted)


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    submission = factory.SubFactory(ApplicationSubmissionFactory)
    kind = OutgoingEmail.Kind.NOTIFICATION
    to = "info@lepsimesta.cz"
    subject = "Lepší města – Sponzorský program: Jana Dvořáková"
    body = "Zpráva"
    next_attempt_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OutgoingEmail
