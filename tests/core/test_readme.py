"""The README's "Two commands" tell a newcomer how to run the site on another port, and the
Makefile does what they say."""

import re
import shlex
import subprocess

import pytest
from django.conf import settings

README = settings.BASE_DIR / "README.md"


def two_commands_section():
    text = README.read_text(encoding="utf-8")
    start = text.index("## Two commands")
    return text[start : text.index("\n## ", start)]


def make_run_commands():
    """The `make run …` commands the section quotes with their variables."""
    return re.findall(r"`(make run [A-Z][^`]*)`", two_commands_section())


def test_the_two_commands_section_names_port_and_host():
    commands = make_run_commands()
    assert "make run PORT=8001" in commands
    assert any("HOST=" in command and "PORT=" in command for command in commands), commands


@pytest.mark.subprocess
@pytest.mark.parametrize("command", make_run_commands())
def test_make_run_serves_on_the_address_the_readme_gives(command):
    variables = dict(word.split("=", 1) for word in shlex.split(command)[2:])
    # A dry run (-n) prints what `make run` would do without doing it.
    dry_run = subprocess.run(
        ["make", "-n", "run", *shlex.split(command)[2:]],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    address = f"{variables.get('HOST', '127.0.0.1')}:{variables['PORT']}"
    assert f"runserver {address}\n" in dry_run
    assert f"Site:  http://{address}/" in dry_run
