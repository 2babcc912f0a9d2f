"""Content-Security-Policy and Permissions-Policy on every response.

django-csp builds the Content-Security-Policy from settings.CONTENT_SECURITY_POLICY (or
CONTENT_SECURITY_POLICY_REPORT_ONLY when an operator only wants reports). The public site's
policy allows no inline script and no other host; Wagtail's and Django's admins get
settings.ADMIN_CONTENT_SECURITY_POLICY instead, under the same header, because their own
templates carry inline scripts and styles. Wagtail's preview renders public templates under
/admin/ inside the admin's frame, so it gets the admin's policy too.
"""

from functools import cache

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import NoReverseMatch, reverse


@cache
def admin_path_prefixes():
    """Where Wagtail's admin and Django's admin are mounted (both read from the URLconf, once:
    every response asks)."""
    prefixes = []
    for name in ("wagtailadmin_home", "admin:index"):
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


class SecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for admin URLs and a Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp_override (parts.config) wins; only the setting's mode is sent.
        mode = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        if (
            parts.config is None
            and getattr(settings, mode, None)
            and request.path.startswith(admin_path_prefixes())
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview sends the page through the middleware with a dummy request for
            # its public URL; the public policy (frame-ancestors 'none') would block the preview
            # frame. The real request to /admin/… around it sets the admin's headers instead.
            return response
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(allowlist)})"
                for feature, allowlist in settings.PERMISSIONS_POLICY.items()
            )
        return response
