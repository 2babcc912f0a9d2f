"""Content-Security-Policy and Permissions-Policy headers, as a browser receives them.

The browser tests (tests/browser/test_security_policy.py) prove the policies let the site and the
admin work; these check that every kind of response carries them, public or admin.
"""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import override_settings

from core.security_policy import SecurityPolicyMiddleware
from tests.conftest import page_by_slug
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"
pytestmark = pytest.mark.django_db

RELEASE_SLUG = "lepsi-mesta-hledaji-partnery-oteviraji-prihlasky-do-pracovnich-skupin"


def directives(header):
    """'default-src 'self'; img-src 'self' blob:' -> {"default-src": ["'self'"], …}"""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_public_policy(response):
    policy = directives(response[CSP])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'self'" in policy["script-src"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
    # Only keywords: no other host is trusted for anything.
    for sources in policy.values():
        assert all(source.startswith("'") for source in sources), policy


def assert_admin_policy(response):
    policy = directives(response[CSP])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # Wagtail's preview panel frames /admin/…/preview/; nobody else may frame the admin.
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    # A nonce would make browsers ignore 'unsafe-inline' and break Wagtail's inline scripts.
    assert not any(source.startswith("'nonce-") for source in policy["script-src"])
    assert policy["img-src"] == ["'self'", "blob:"]


def assert_permissions_policy(response):
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature


@pytest.mark.parametrize(
    "path",
    ["/cs/", "/en/", "/cs/o-iniciative/", CS_INDEX, EN_INDEX, CS_RELEASE, EN_RELEASE],
)
def test_public_pages_get_the_public_policy(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_public_policy(response)
    assert_permissions_policy(response)
    assert CSP_REPORT_ONLY not in response


@pytest.mark.parametrize(
    "path", [CS_INDEX + "rss/", EN_INDEX + "atom/", "/sitemap.xml", "/robots.txt", "/healthz"]
)
def test_feeds_and_site_files_get_the_public_policy(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_public_policy(response)
    assert_permissions_policy(response)


@pytest.mark.parametrize("path", ["/cs/neexistuje/", "/en/does-not-exist/"])
def test_the_404_page_gets_the_public_policy(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_public_policy(response)
    assert_permissions_policy(response)


def test_the_application_form_posts_only_to_its_own_site(client, site):
    response = client.get("/cs/prihlaska/")
    assert 'method="post" action="/cs/prihlaska/"' in response.content.decode()
    assert directives(response[CSP])["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_login_pages_get_the_admin_policy(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_admin_policy(response)
    assert_permissions_policy(response)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_admin_pages_get_the_admin_policy(admin_client, site, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert_admin_policy(response)


def test_a_draft_viewed_in_the_admin_gets_the_admin_policy(admin_client, site):
    # Wagtail renders the public template through the middleware with a dummy request for the
    # page's public URL; the admin's policy must still be the one sent, or the preview frame
    # (frame-ancestors 'none') would be blocked.
    release = page_by_slug(RELEASE_SLUG, "cs")
    response = admin_client.get(f"/admin/pages/{release.pk}/view_draft/")
    assert response.status_code == 200
    assert f"<h1>{release.title}</h1>" in response.content.decode()
    assert_admin_policy(response)


@override_settings(
    CONTENT_SECURITY_POLICY=None,
    CONTENT_SECURITY_POLICY_REPORT_ONLY=settings.CONTENT_SECURITY_POLICY,
)
@pytest.mark.parametrize("path", ["/cs/", "/admin/login/"])
def test_report_only_sends_the_same_policies_under_the_report_only_header(client, site, path):
    response = client.get(path)
    assert CSP not in response
    reported = directives(response[CSP_REPORT_ONLY])
    # The admin keeps its own policy in report-only mode too.
    expected_frame_ancestors = ["'self'"] if path.startswith("/admin/") else ["'none'"]
    assert reported["frame-ancestors"] == expected_frame_ancestors
    assert reported["object-src"] == ["'none'"]


def test_a_nonce_is_sent_only_when_a_template_uses_it(rf):
    def view_with_inline_script(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    response = SecurityPolicyMiddleware(view_with_inline_script)(rf.get("/cs/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]
    assert f"'nonce-{nonce}'" in directives(response[CSP])["script-src"]

    response = SecurityPolicyMiddleware(lambda request: HttpResponse("no script"))(rf.get("/"))
    assert not any(s.startswith("'nonce-") for s in directives(response[CSP])["script-src"])


def headers_in_a_fresh_process(path, **environment):
    """The response headers for `path` from a process started with `environment`."""
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        f"print(json.dumps(dict(Client().get({path!r}).headers)))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test", **environment}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.subprocess
def test_csp_report_only_environment_variable_swaps_the_header_name():
    # /healthz needs no content in the process's database.
    enforced = headers_in_a_fresh_process("/healthz")
    assert CSP in enforced
    assert CSP_REPORT_ONLY not in enforced

    reported = headers_in_a_fresh_process(
        "/healthz", CSP_REPORT_ONLY="true", CSP_REPORT_URI="https://reports.example.org/csp"
    )
    assert CSP not in reported
    policy = directives(reported[CSP_REPORT_ONLY])
    assert policy["report-uri"] == ["https://reports.example.org/csp"]
    del policy["report-uri"]
    assert policy == directives(enforced[CSP])
