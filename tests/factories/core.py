"""Factories for core: messages in the outbox."""

import factory
from django.utils import timezone

from core.models import OutgoingEmail


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    kind = "tests.message"
    to = "info@lepsimesta.cz"
    subject = "Lepší města – zpráva"
    body = "Zpráva"
    next_attempt_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OutgoingEmail
