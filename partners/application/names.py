"""Names of the fields every application form has, whatever editors add."""

APPLICATION_TYPE_FIELD = "application_type"
# A name that looks worth filling in to a bot; people never see the field.
HONEYPOT_FIELD = "extra_url"
STARTED_FIELD = "form_started"
SPAM_FIELDS = (HONEYPOT_FIELD, STARTED_FIELD)
RESERVED_FIELD_NAMES = (APPLICATION_TYPE_FIELD, *SPAM_FIELDS)

# The form-builder field type whose choices are the catalogue's areas (the working groups).
WORKING_GROUP_FIELD_TYPE = "working_group"
