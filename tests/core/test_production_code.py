"""Rules the apps' own code keeps, read from its source (DESIGN.md, principle 8).

Migrations own what migrations create: the page tree's root, the root collection, permissions,
content types and Wagtail's "Moderators approval" workflow (only ever fetched: the last test).
Runtime code that re-created them
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
MADE_BY_MIGRATIONS = {"Permission", "ContentType"}
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
    for call in sorted(calls(tree), key=lambda call: call.lineno):
        if call.func.attr == "add_root":
            yield f"{path.name}:{call.lineno} makes a tree root"
        elif call.func.attr in CREATING and manager_owner(call) in MADE_BY_MIGRATIONS:
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


# Imports point one way (issue 18): no cycle among the project's modules, no import inside a
# function (which would hide one) except in AppConfig.ready(), and models never import views.
PROJECT_PACKAGES = (*APPS, "lepsimesta")
# Wagtail's form builder asks the form page model for its submissions list view class
# (AbstractFormPage.submissions_list_view_class): the model naming that view is Wagtail's design.
MODELS_IMPORTING_VIEWS_BY_DESIGN = {
    ("partners.models.application_form", "partners.application.views"),
}


def project_modules():
    """{dotted module name: path} of every module of the project's packages but migrations."""
    modules = {}
    for package in PROJECT_PACKAGES:
        for path in (Path(settings.BASE_DIR) / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(settings.BASE_DIR).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def imported_modules(node, module, is_package, modules):
    """The project modules an import statement names (the nearest enclosing module)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".") if is_package else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        names = [f"{base}.{alias.name}" for alias in node.names]
    for name in names:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != module:
            yield name


def import_graph():
    modules = project_modules()
    graph, inner = {}, []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        graph[module] = {
            target
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for target in imported_modules(node, module, path.name == "__init__.py", modules)
        }
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                if function.name == "ready":
                    continue
                inner += [
                    f"{module}:{node.lineno} in {function.name}()"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
    return graph, inner


def cycles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_the_project_has_no_import_cycle():
    graph, _inner = import_graph()
    assert cycles(graph) == []


def test_no_import_hides_inside_a_function():
    _graph, inner = import_graph()
    assert inner == []


def test_models_never_import_views():
    graph, _inner = import_graph()
    upward = {
        (module, target)
        for module, targets in graph.items()
        if ".models" in f".{module}"
        for target in targets
        if target.rpartition(".")[2] == "views"
    }
    assert upward - MODELS_IMPORTING_VIEWS_BY_DESIGN == set()


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
