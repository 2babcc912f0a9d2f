"""Factories for the partners app: form data, submissions and their messages in the outbox."""

import time

import factory

from partners.application_mail import NOTIFICATION
from partners.forms import started_token
from partners.models import ApplicationSubmission
from tests.factories.core import OutgoingEmailFactory


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
        skip_postgeneration_save = True

    @factory.post_generation
    def submit_time(obj, create, extracted, **kwargs):
        # submit_time is auto_now_add: an explicit value has to be written after creation.
        if extracted is not None:
            obj.submit_time = extracted
            ApplicationSubmission.objects.filter(pk=obj.pk).update(submit_time=extracted)


class SubmissionEmailFactory(OutgoingEmailFactory):
    """A submission's notification in the outbox."""

    about = factory.SubFactory(ApplicationSubmissionFactory)
    kind = NOTIFICATION
    subject = "Lepší města – Sponzorský program: Jana Dvořáková"
