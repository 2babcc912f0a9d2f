"""Approval workflows that any app's content loader (site_content) puts on its pages."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

# Wagtail's migrations make this workflow (one task that the "Moderators" group approves).
MODERATORS_APPROVAL = "Moderators approval"


def approval_workflow(name, group_name):
    """An app's own workflow `name`: one task that the group approves, made the first time."""
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([Group.objects.get(name=group_name)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_approval_workflow(pages, workflow=None):
    """Put `workflow` (Wagtail's "Moderators approval" by default) on `pages`, and so on their
    sub-pages, unless a page has one."""
    workflow = workflow or Workflow.objects.get(name=MODERATORS_APPROVAL)
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
