"""Every package the project imports is declared in requirements*.txt, even when another
package happens to bring it: the site's code against requirements.txt, the tests against
requirements-test.txt (which includes it)."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = {
    "bench",
    "catalogue",
    "core",
    "home",
    "lepsimesta",
    "manage",
    "partners",
    "press",
    "tests",
}
SKIPPED_DIRECTORIES = {".venv", "node_modules", "media", "static", "staticfiles"}


def normalized(name):
    """A distribution's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements):
    """The distributions a requirements file names, following its `-r` includes."""
    names = set()
    for line in requirements.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            names |= declared(requirements.parent / line.removeprefix("-r").strip())
        elif line:
            names.add(normalized(re.split(r"[\s<>=!~;\[]", line, maxsplit=1)[0]))
    return names


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        if not SKIPPED_DIRECTORIES.intersection(path.relative_to(ROOT).parts):
            yield path


def imported_packages(path):
    """The top-level names of the absolute imports anywhere in a module."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


def undeclared_imports():
    """["path: package (distribution)"] for each import no requirements file declares."""
    distributions = packages_distributions()
    site_needs = declared(ROOT / "requirements.txt")
    tests_need = declared(ROOT / "requirements-test.txt")
    problems = []
    for path in project_modules():
        relative = path.relative_to(ROOT)
        allowed = tests_need if relative.parts[0] == "tests" else site_needs
        for package in sorted(set(imported_packages(path))):
            if package in sys.stdlib_module_names or package in FIRST_PARTY:
                continue
            provided_by = {normalized(name) for name in distributions.get(package, ())}
            if not provided_by & allowed:
                names = ", ".join(sorted(provided_by)) or "not installed"
                problems.append(f"{relative}: {package} ({names})")
    return problems


def test_every_imported_package_is_declared():
    assert undeclared_imports() == []


def test_the_check_finds_an_undeclared_import(tmp_path, monkeypatch):
    # A requirements file without django-filter, and a module importing it: the check says so.
    (tmp_path / "requirements.txt").write_text("Django>=5.2,<5.3\n")
    (tmp_path / "requirements-test.txt").write_text("-r requirements.txt\npytest>=9\n")
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "views.py").write_text(
        "import json\nimport django_filters\nfrom django.db import models\nfrom core import x\n"
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("import pytest\nimport django\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert undeclared_imports() == ["press/views.py: django_filters (django-filter)"]
