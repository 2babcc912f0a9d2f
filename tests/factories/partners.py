"""Factories for the partners app: form data, submissions and their messages in the outbox,
profiles."""

import time

import factory
import wagtail_factories

from partners.application.forms import started_token
from partners.application.mail import NOTIFICATION
from partners.models import ApplicationSubmission, PartnerIndexPage, PartnerPage, StartupPage
from partners.profiles.choices import SponsorshipTier, StartupStage
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


def publish_areas(page, areas):
    """A profile's areas, given after creation, saved with a published revision."""
    if areas:
        page.areas.set(areas)
        page.save_revision().publish()


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partneři"
    slug = factory.Sequence(lambda n: f"partneri-{n}")

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner {n} s.r.o.")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    tier = SponsorshipTier.PARTNER
    description = "<p>Pomáhá městům s chytrými řešeními.</p>"

    class Meta:
        model = PartnerPage
        skip_postgeneration_save = True

    areas = factory.PostGeneration(lambda page, create, areas: publish_areas(page, areas))


class StartupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Start-up {n}")
    slug = factory.Sequence(lambda n: f"startup-{n}")
    summary = "Senzory pro města."
    stage = StartupStage.PILOT

    class Meta:
        model = StartupPage
        skip_postgeneration_save = True

    areas = factory.PostGeneration(lambda page, create, areas: publish_areas(page, areas))
