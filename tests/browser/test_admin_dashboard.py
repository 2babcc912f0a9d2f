"""The dashboard's shortcut buttons, as an editor's browser lays them out: each icon sits inside
its button, each button inside the panel, on a desktop and on a phone."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

PASSWORD = "heslo-redaktora-1"


@pytest.fixture
def editor(live_site):
    return get_user_model().objects.create_superuser("redaktor", "redaktor@example.org", PASSWORD)


def inside(inner, outer):
    return (
        inner["x"] >= outer["x"]
        and inner["y"] >= outer["y"]
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_each_shortcut_icon_lies_inside_its_button(page, live_site, editor, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    panel = page.locator("#welcome-section")
    buttons = page.locator(".lm-shortcuts a.button")
    expect(buttons).to_have_count(4)
    panel_box = panel.bounding_box()
    for button in buttons.all():
        label = button.inner_text()
        button_box = button.bounding_box()
        icon_box = button.locator("svg.icon").bounding_box()
        assert inside(icon_box, button_box), f"{label!r}: icon {icon_box} out of {button_box}"
        # An icon, not a picture: at most the height of the line it sits on.
        assert icon_box["height"] <= 24 and icon_box["width"] <= 24, (label, icon_box)
        assert inside(button_box, panel_box), f"{label!r}: button {button_box} out of the panel"
