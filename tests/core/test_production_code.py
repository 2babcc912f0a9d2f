"""Rules the apps' own code keeps, read from its source (DESIGN.md, principle 8).

Migrations own what migrations create: the page tree's root, the root collection, permissions,
content types and Wagtail's "Moderators approval" workflow. Runtime code that re-created them
would hide a broken database in production; the test harness restores the loaded site instead
(tests/snapshot.py).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Workflow

from core.workflows import MODERATORS_APPROVAL, assign_approval_workflow

APPS = ("core", "home", "press", "catalogue", "partners")
MADE_BY_MIGRATIONS = {"Permission", "ContentType", "Workflow", "GroupApprovalTask"}
CREATING = {"create", "get_or_create", "update_or_create", "bulk_create"}


def runtime_modules():
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def manager_owner(call):
    """`Permission` for `Permission.objects.get_or_create(…)`, else None."""
    manager = call.func.value
    if isinstance(manager, ast.Attribute) and manager.attr == "objects":
        if isinstance(manager.value, ast.Name):
            return manager.value.id
    return None


def recreations(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for call in calls(tree):
        if call.func.attr == "add_root":
            yield f"{path.name}:{call.lineno} makes a tree root"
        elif call.func.attr in CREATING and manager_owner(call) in MADE_BY_MIGRATIONS:
            if manager_owner(call) == "Workflow" and path.name == "workflows.py":
                # core.workflows.approval_workflow makes an app's own workflow (the partners'
                # review); Wagtail's own is only ever fetched (test below).
                continue
            yield f"{path.name}:{call.lineno} creates a {manager_owner(call)}"


@pytest.mark.parametrize("path", list(runtime_modules()), ids=str)
def test_runtime_code_never_recreates_what_migrations_make(path):
    assert list(recreations(path)) == []


def test_the_check_finds_a_recreated_root_and_permission(tmp_path):
    module = tmp_path / "guard.py"
    module.write_text(
        "root = Page.get_first_root_node() or Page.add_root(instance=Page(title='Root'))\n"
        "Permission.objects.get_or_create(codename='submit_translation')\n"
    )
    assert list(recreations(module)) == [
        "guard.py:1 makes a tree root",
        "guard.py:2 creates a Permission",
    ]


@pytest.mark.django_db
def test_wagtails_moderators_workflow_is_fetched_never_made(site):
    Workflow.objects.filter(name=MODERATORS_APPROVAL).delete()
    with pytest.raises(Workflow.DoesNotExist):
        assign_approval_workflow([site["cs"]])
