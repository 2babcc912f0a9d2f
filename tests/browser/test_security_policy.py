"""The site and the admin work under their Content-Security-Policy and ask no other host.

Chromium reports every `securitypolicyviolation` (script, style, image, frame, connection) to an
init script in every page and frame; framing violations appear only on the console, so CSP and
Permissions-Policy console messages are kept too. Every request's origin is recorded. The
policies are enforced here (the default), so a violation also means something did not work.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.db import connection
from playwright.sync_api import expect

from tests.browser.test_press import (
    create_and_publish_czech_release,
    editor,  # noqa: F401 (a fixture)
    log_in,
    translate_and_publish_in_english,
)
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE

RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.recordViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        document: event.documentURI,
    });
});
"""


@dataclass
class Recording:
    violations: list = field(default_factory=list)
    console: list = field(default_factory=list)
    urls: list = field(default_factory=list)

    def foreign_urls(self, live_site):
        """Requests that went anywhere but the live server (blob: URLs count as their origin)."""
        own = urlsplit(live_site)
        foreign = []
        for url in self.urls:
            parts = urlsplit(url.removeprefix("blob:"))
            if parts.scheme == "data":
                continue
            if (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
                foreign.append(url)
        return foreign


@pytest.fixture
def recording(context):
    recorded = Recording()
    context.expose_binding("recordViolation", lambda source, v: recorded.violations.append(v))
    context.add_init_script(RECORD_VIOLATIONS)
    context.on("request", lambda request: recorded.urls.append(request.url))
    context.on(
        "console",
        lambda message: (
            recorded.console.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    return recorded


def assert_clean(recording, live_site):
    assert recording.violations == []
    assert recording.console == []
    assert recording.foreign_urls(live_site) == []
    assert recording.urls, "no request was recorded: the recorder is not listening"


VISITOR_PAGES = [
    ("/", 200),
    ("/cs/", 200),
    ("/en/", 200),
    ("/cs/o-iniciative/", 200),
    ("/en/about/", 200),
    (CS_INDEX, 200),
    (EN_INDEX, 200),
    (CS_INDEX + "2016/", 200),
    (EN_INDEX + "2016/", 200),
    (CS_RELEASE, 200),  # with its JSON-LD <script type="application/ld+json">
    (EN_RELEASE, 200),
    ("/cs/prihlaska/", 200),
    ("/en/apply/", 200),
    ("/cs/neexistuje/", 404),
    ("/en/does-not-exist/", 404),
]


def test_a_visitor_reads_every_page_type_and_applies_without_violations(
    recording, page, live_site, settings
):
    # A test types faster than a person; the minimum fill time has its own tests.
    settings.FORM_MIN_FILL_SECONDS = 0
    for path, status in VISITOR_PAGES:
        response = page.goto(live_site + path)
        assert response.status == status, path
        expect(page.locator("h1")).to_be_visible()
        # The site's own stylesheet applied: style-src 'self' lets it through.
        assert page.evaluate("document.styleSheets.length") >= 1, path
        assert "content-security-policy" in response.headers, path

    page.goto(live_site + "/cs/prihlaska/")
    page.get_by_label("Sponzorský program").check()
    page.get_by_label("Jméno a příjmení").fill("Jana Dvořáková")
    page.get_by_label("E-mail").fill("jana.dvorakova@example.cz")
    page.get_by_label("Zpráva").fill("Rádi bychom se zapojili do sponzorského programu.")
    page.get_by_role("button", name="Odeslat").click()
    page.wait_for_url("**/cs/prihlaska/dekujeme/?type=sponsorship")
    expect(page.locator("h1")).to_have_text("Děkujeme")

    assert_clean(recording, live_site)


@pytest.mark.usefixtures("editor")
def test_an_editor_edits_previews_translates_and_publishes_without_violations(
    recording, page, live_site, settings
):
    if connection.vendor == "sqlite":
        # Autosave (every 500 ms) and the preview panel write at the same time; SQLite's shared
        # in-memory test database answers "table is locked" instead of waiting. PostgreSQL runs
        # with autosave on.
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    # The real login form, then the dashboard with the editor's avatar.
    log_in(page, live_site)
    release = create_and_publish_czech_release(page, live_site)

    page.goto(f"{live_site}/admin/pages/{release.pk}/edit/")
    page.fill("#id_dateline_place", "Olomouc")
    # StreamField and Draftail: a paragraph with bold text.
    # By the field, not the panel id: Wagtail caches panel ids in the language of the first
    # render, which may be Czech.
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator(".public-DraftEditor-content").last.click()
    page.keyboard.type("Skupiny se sejdou ")
    page.keyboard.press("Control+b")
    page.keyboard.type("každý měsíc")
    # The live preview panel: Wagtail renders the public template in a frame under /admin/.
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".press-release__dateline")).to_contain_text("Olomouc", timeout=15_000)
    # The preview refreshes a moment after the last change. On SQLite the preview's write can
    # meet "table is locked" (the shared in-memory test database); Wagtail then waits for the
    # next change, so a retry makes one.
    for attempt in range(3):
        try:
            expect(preview.locator("main")).to_contain_text(
                "Skupiny se sejdou každý měsíc", timeout=10_000
            )
            break
        except AssertionError:
            if attempt == 2:
                raise
            page.fill("#id_dateline_place", "Olomouc" + " " * (attempt + 1))
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    # wagtail-localize's translation editor, then publishing the English page.
    translate_and_publish_in_english(page, live_site, release)

    assert_clean(recording, live_site)
