"""The application form: its fields, spam defences, submission, e-mails and the admin's
submission views."""
