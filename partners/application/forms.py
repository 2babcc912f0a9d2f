"""The application form: the editors' fields from the form builder plus the fixed ones in code.

Fixed fields: the application type (first), a honeypot that people never see and a signed
token of when the form was displayed. See docs/application-form.md for the spam defences.
"""

import ipaddress
import secrets
import time
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from catalogue.models import Area, area_names
from core.querysets import localized
from partners.application.names import (
    APPLICATION_TYPE_FIELD,
    HONEYPOT_FIELD,
    RESERVED_FIELD_NAMES,
    SPAM_FIELDS,
    STARTED_FIELD,
    WORKING_GROUP_FIELD_TYPE,
)
from partners.application.types import ApplicationType

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 5000
EMAIL_MAX_LENGTH = 254

_STARTED_SALT = "partners.application-form.started"


UNDELIVERABLE_EMAIL_MESSAGE = _(
    "We could not reply to this address. Please enter an e-mail address with a full domain "
    "name, for example jana@example.cz."
)


@dataclass(frozen=True)
class FormStarted:
    """What the form's token says: when the form was displayed, and a nonce used only once."""

    at: float
    nonce: str

    def seconds_ago(self):
        return time.time() - self.at


def started_token(at=None):
    """A signed token of one display of the form: its time (a bot cannot backdate it) and a
    random nonce (recorded when a submission is accepted, so the token works once)."""
    at = time.time() if at is None else at
    return signing.dumps({"at": at, "nonce": secrets.token_urlsafe(16)}, salt=_STARTED_SALT)


def read_started_token(token):
    """The token's FormStarted, or None if the token is missing or forged."""
    try:
        data = signing.loads(token, salt=_STARTED_SALT)
        return FormStarted(at=float(data["at"]), nonce=str(data["nonce"]))
    except (signing.BadSignature, TypeError, ValueError, KeyError):
        return None


def is_undeliverable_domain(domain):
    """True for a domain that cannot be a public mail domain: no dot, localhost, an IP address
    or an address literal ([127.0.0.1], [IPv6:::1])."""
    domain = domain.lower().rstrip(".")
    if domain.startswith("["):
        return True
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        pass
    else:
        return True
    return "." not in domain or domain == "localhost" or domain.endswith(".localhost")


def validate_deliverable_email(value):
    """Django's e-mail syntax check, plus a domain a reply can reach.

    Django accepts a@localhost and a@[127.0.0.1]; a confirmation sent there goes nowhere or to
    the server itself. A complete-looking address with such a domain gets its own message; an
    incomplete one (no @, nothing after it) keeps Django's "Enter a valid email address".
    """
    local_part, at, domain = value.rpartition("@")
    if local_part and at and domain and is_undeliverable_domain(domain):
        raise ValidationError(UNDELIVERABLE_EMAIL_MESSAGE, code="undeliverable")
    validate_email(value)


class DeliverableEmailField(forms.EmailField):
    default_validators = [validate_deliverable_email]


class WorkingGroupField(forms.ChoiceField):
    """The working groups: the catalogue's areas, labelled in the form's language.

    The stored value is the area's code (`transport`), the same in both languages, as the
    catalogue's `?area=` and the partners' expert block use it: both languages' submissions sort
    and filter together, and a renamed area renames the answers already sent. People read the
    code as the area's name in their language (WorkingGroupAnswers).
    """

    def __init__(self, locale_id, **options):
        areas = list(Area.objects.in_source_language())
        labels = localized(areas, locale_id) if areas else []
        choices = [("", _("– choose –"))]
        choices += [(area.slug, label.name) for area, label in zip(areas, labels, strict=True)]
        super().__init__(choices=choices, **options)


class WorkingGroupAnswers:
    """A form's working-group answers as people read them: each stored code as the area's name
    in one language (the active one unless given), whatever the number of submissions (one
    query). A value that is no area's code (a group deleted since, a name that a submission stored
    before the codes and that no area has any more) is shown as it was stored."""

    def __init__(self, page, language_code=None):
        self.fields = {
            field.clean_name
            for field in page.get_form_fields()
            if field.field_type == WORKING_GROUP_FIELD_TYPE
        }
        language_code = language_code or translation.get_language()
        self.names = area_names(language_code) if self.fields else {}

    def name(self, value):
        return self.names.get(value, value)

    def readable(self, data):
        """`data` (a submission's answers by field name) with each working group named."""
        return {
            field: self.name(value) if field in self.fields else value
            for field, value in data.items()
        }


class ApplicationForm(BaseForm):
    def __init__(self, *args, prefill=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STARTED_FIELD].initial = started_token()
        if prefill:
            self.prefill(prefill)

    def prefill(self, query):
        """Choose the application type (`type`) and working group (`group`, an area's code)
        named in a link; a value the form does not offer is ignored."""
        application_type = query.get("type")
        if application_type in ApplicationType.values:
            self.initial[APPLICATION_TYPE_FIELD] = application_type
        group = query.get("group")
        for name in self.working_group_fields():
            if group and self.fields[name].valid_value(group):
                self.initial[name] = group

    def working_group_fields(self):
        return [name for name, field in self.fields.items() if isinstance(field, WorkingGroupField)]

    def full_clean(self):
        super().full_clean()
        # Point each invalid field at its error message, so screen readers read it.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described_by = [f"{bound.auto_id}_errors"]
                if self.fields[name].help_text:
                    described_by.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(APPLICATION_TYPE_FIELD) == ApplicationType.EXPERT:
            for name in self.working_group_fields():
                if not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Please choose the working group for the expert you nominate.")
                    )
        return cleaned_data

    @property
    def builder_fields(self):
        """The bound fields editors defined, in order (without the fixed ones)."""
        return [
            field
            for field in self
            if field.name not in SPAM_FIELDS and field.name != APPLICATION_TYPE_FIELD
        ]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    @property
    def started(self):
        return self[STARTED_FIELD]

    def honeypot_filled(self):
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def read_token(self):
        """The sent token's FormStarted, or None if it is missing or forged."""
        return read_started_token(self.data.get(self.add_prefix(STARTED_FIELD)))

    def submission_data(self):
        """What is stored: everything but the spam traps."""
        return {k: v for k, v in self.cleaned_data.items() if k not in SPAM_FIELDS}


class ApplicationFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits on every text field and the fixed fields."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_dropdown_field(self, field, options):
        # An explicit empty first option: otherwise an optional list would send its first choice.
        field_ = super().create_dropdown_field(field, options)
        field_.choices = [("", _("– choose –")), *field_.choices]
        return field_

    def create_working_group_field(self, field, options):
        return WorkingGroupField(field.locale_id, **options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        return DeliverableEmailField(**options)

    def get_form_class(self):
        # The admin refuses the reserved names; fields saved before that rule cannot replace
        # the fixed ones either.
        editors_fields = {
            name: field
            for name, field in self.formfields.items()
            if name not in RESERVED_FIELD_NAMES
        }
        fields = {
            APPLICATION_TYPE_FIELD: forms.ChoiceField(
                label=_("What would you like to do?"),
                choices=ApplicationType.choices,
                widget=forms.RadioSelect,
            ),
            **editors_fields,
            HONEYPOT_FIELD: forms.CharField(
                label=_("Leave this field empty"),
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            ),
            STARTED_FIELD: forms.CharField(required=False, widget=forms.HiddenInput),
        }
        return type("ApplicationFormWithFields", (ApplicationForm,), fields)
