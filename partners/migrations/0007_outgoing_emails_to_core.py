"""The form's e-mails move to core's outbox (core.OutgoingEmail), which every app uses.

Each row is copied with everything it had; its submission becomes the generic link (content
type and object id) and its kind gets the name the application form now gives it. The next
migration drops the old table. Backwards, the form's rows are copied back and removed from core.
"""

from django.db import migrations

KINDS = {"notification": "application.notification", "confirmation": "application.confirmation"}
FIELDS = [
    "to",
    "reply_to",
    "subject",
    "body",
    "status",
    "attempts",
    "next_attempt_at",
    "last_error",
    "created_at",
    "sent_at",
]


def bulk_create_keeping_created_at(model, objects):
    """bulk_create with the created_at given: auto_now_add would stamp every copy with now."""
    field = model._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        model.objects.bulk_create(objects, batch_size=500)
    finally:
        field.auto_now_add = True


def submission_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="partners", model="applicationsubmission")[0]


def copy_to_core(apps, schema_editor):
    Old = apps.get_model("partners", "OutgoingEmail")
    New = apps.get_model("core", "OutgoingEmail")
    old = Old.objects.order_by("pk")
    if not old.exists():
        return
    content_type = submission_type(apps)
    new = [
        New(
            kind=KINDS.get(message.kind, message.kind),
            content_type=content_type,
            object_id=message.submission_id,
            **{field: getattr(message, field) for field in FIELDS},
        )
        for message in old.iterator()
    ]
    bulk_create_keeping_created_at(New, new)


def copy_back(apps, schema_editor):
    Old = apps.get_model("partners", "OutgoingEmail")
    New = apps.get_model("core", "OutgoingEmail")
    back = {new: old for old, new in KINDS.items()}
    Submission = apps.get_model("partners", "ApplicationSubmission")
    moved = New.objects.filter(
        content_type=submission_type(apps),
        kind__in=back,
        # A generic link has no foreign key: skip a row whose submission is gone.
        object_id__in=Submission.objects.values("pk"),
    ).order_by("pk")
    bulk_create_keeping_created_at(
        Old,
        [
            Old(
                kind=back[message.kind],
                submission_id=message.object_id,
                **{field: getattr(message, field) for field in FIELDS},
            )
            for message in moved.iterator()
        ],
    )
    moved.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_outgoingemail"),
        ("partners", "0006_moderators_verify_profiles"),
    ]

    operations = [migrations.RunPython(copy_to_core, copy_back)]
