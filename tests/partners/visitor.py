"""A visitor without a browser, for tests against a live server: opens the form (CSRF cookie,
token and form token) and sends it, as a browser would."""

import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from tests.partners.conftest import CS_FORM

TIMEOUT = 60


class Visitor:
    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        """(status, final URL, text) of a GET, following redirects; an HTTP error is a status."""
        return self._open(urllib.request.Request(self.base_url + path))

    def open_form(self, path=CS_FORM):
        """The hidden values of the displayed form: the CSRF token and the form token."""
        _status, _url, page = self.get(path)
        return {
            name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
            for name in ("csrfmiddlewaretoken", "form_started")
        }

    def send(self, fields, hidden, path=CS_FORM):
        """POST the form with the given answers and hidden values; (status, final URL, text)."""
        data = urllib.parse.urlencode({**hidden, **fields}).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, headers={"Referer": self.base_url}
        )
        return self._open(request)

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()
