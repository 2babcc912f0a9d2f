"""The editors' welcome on the admin dashboard: shortcuts to what needs doing.

Each app offers its shortcuts through the `dashboard_shortcuts` hook (a function taking the
request and returning a list of `Shortcut`), so core knows no app.
"""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component


@dataclass
class Shortcut:
    label: str
    url: str
    icon: str = "arrow-right"
    # A number worth the editor's attention (awaiting approval, new applications), if any.
    count: int | None = None


class WelcomePanel(Component):
    name = "welcome"
    template_name = "wagtailadmin/panels/welcome.html"
    # First on the dashboard.
    order = 10

    def __init__(self, user, shortcuts):
        self.user = user
        self.shortcuts = shortcuts

    def get_context_data(self, parent_context):
        return {"user": self.user, "shortcuts": self.shortcuts}


def welcome_panel(request):
    shortcuts = [
        shortcut for offer in hooks.get_hooks("dashboard_shortcuts") for shortcut in offer(request)
    ]
    return WelcomePanel(request.user, shortcuts)
