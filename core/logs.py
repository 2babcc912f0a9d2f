"""Logging filters named in settings.LOGGING."""

import logging


class WithoutTraceback(logging.Filter):
    """Keeps the record's message and drops its traceback (for expected, noisy events)."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True
