"""The partner and start-up profiles' blocks and fixed lists (their models are in
partners/models/profiles.py)."""
