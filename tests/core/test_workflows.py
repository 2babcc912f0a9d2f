"""The approval workflow any app's content loader puts on its pages (core/workflows.py)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowPage

from core.workflows import approval_workflow, assign_approval_workflow

pytestmark = pytest.mark.django_db


def workflow_on(page):
    """The workflow set on the page itself (get_workflow() would also find the root's)."""
    return WorkflowPage.objects.get(page=page).workflow


def test_wagtails_own_workflow_is_reused(site):
    assign_approval_workflow([site["cs"]])
    assert workflow_on(site["cs"]) == Workflow.objects.get(name="Moderators approval")


def test_an_apps_own_workflow_is_made_once_with_one_task_the_group_approves(site):
    workflow = approval_workflow("Partners approval", "Editors")
    assert approval_workflow("Partners approval", "Editors") == workflow
    assign_approval_workflow(site.values(), workflow)
    assert [workflow_on(page) for page in site.values()] == [workflow, workflow]
    [task] = [task.specific for task in workflow.tasks.all()]
    assert task.name == "Partners approval"
    assert list(task.groups.all()) == [Group.objects.get(name="Editors")]


def test_a_page_keeps_the_workflow_it_has(site):
    assign_approval_workflow([site["cs"]])
    assign_approval_workflow([site["cs"]], approval_workflow("Partners approval", "Editors"))
    assert workflow_on(site["cs"]) == Workflow.objects.get(name="Moderators approval")
