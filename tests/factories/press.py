"""Factories for the press app: the index, releases, their snippets and attachments."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from press.models import (
    Boilerplate,
    PressContact,
    PressIndexPage,
    PressReleaseAttachment,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleasePage,
)


def default_locale():
    return Locale.get_default()


class PressContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Jana Nováková {n}")
    role = "tisková mluvčí"
    organisation = "Svaz měst a obcí ČR"
    phone = "724 000 000"
    email = factory.Sequence(lambda n: f"mluvci{n}@example.cz")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = PressContact


class BoilerplateFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"O projektu {n}")
    body = "<p>Iniciativa Lepší města rozvíjí chytrá řešení pro města.</p>"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Boilerplate


class PressIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Zprávy {n}")
    slug = factory.Sequence(lambda n: f"zpravy-{n}")
    intro = "Novinky pro novináře."

    class Meta:
        model = PressIndexPage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tisková zpráva {n}")
    slug = factory.Sequence(lambda n: f"tiskova-zprava-{n}")
    release_date = factory.Sequence(lambda n: datetime.date(2017, 1, 1) + datetime.timedelta(n))
    dateline_place = "Praha"
    lead = factory.Sequence(lambda n: f"Perex zprávy číslo {n}.")
    body = factory.LazyFunction(list)

    class Meta:
        model = PressReleasePage


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Příloha {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(b"%PDF-1.4\n" + b"0" * 2048, name=f"{o.filename}")
    )

    class Params:
        filename = "priloha.pdf"

    class Meta:
        model = get_document_model()


class PressReleaseAttachmentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PressReleasePageFactory)
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = PressReleaseAttachment


class PressReleaseContactFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PressReleasePageFactory)
    contact = factory.SubFactory(PressContactFactory)

    class Meta:
        model = PressReleaseContact


class PressReleaseBoilerplateFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PressReleasePageFactory)
    boilerplate = factory.SubFactory(BoilerplateFactory)

    class Meta:
        model = PressReleaseBoilerplate
