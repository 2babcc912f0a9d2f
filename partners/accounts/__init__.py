"""Partner accounts: access to an organisation's own profile and collection, the partner's
admin, invitations and reminders."""
