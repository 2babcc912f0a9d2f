"""The database-backed attempt counter behind the form's and the password reset's rate limits."""

from datetime import timedelta

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone

from core.models import ThrottleHit
from core.throttle import Throttle, client_ip

pytestmark = pytest.mark.django_db


def test_a_throttle_allows_its_limit_per_identifier_then_refuses():
    throttle = Throttle(scope="test", limit=2, window=timedelta(minutes=10))
    assert throttle.hit("198.51.100.1") is True
    assert throttle.is_exhausted("198.51.100.1") is False
    assert throttle.hit("198.51.100.1") is True
    assert throttle.is_exhausted("198.51.100.1") is True
    assert throttle.hit("198.51.100.1") is False
    # Another client, and the same client in another scope, count separately.
    assert throttle.hit("198.51.100.2") is True
    other_scope = Throttle(scope="other", limit=2, window=timedelta(minutes=10))
    assert other_scope.is_exhausted("198.51.100.1") is False


def test_hits_older_than_the_window_no_longer_count_and_are_deleted():
    throttle = Throttle(scope="test", limit=1, window=timedelta(minutes=10))
    assert throttle.hit("198.51.100.1") is True
    ThrottleHit.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    assert throttle.is_exhausted("198.51.100.1") is False
    assert throttle.hit("198.51.100.1") is True
    assert ThrottleHit.objects.count() == 1


def test_only_a_hash_of_the_client_is_stored():
    Throttle(scope="test", limit=1, window=timedelta(minutes=1)).hit("198.51.100.1")
    stored = ThrottleHit.objects.get()
    assert "198.51.100.1" not in stored.key
    assert len(stored.key) == 64


def test_client_address_is_remote_addr_unless_proxies_are_trusted():
    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    assert client_ip(request) == "10.0.0.1"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "198.51.100.7"
    with override_settings(TRUSTED_PROXY_COUNT=2):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(TRUSTED_PROXY_COUNT=3):
        # Fewer addresses than proxies: the header is not what our proxies wrote.
        assert client_ip(request) == "10.0.0.1"
