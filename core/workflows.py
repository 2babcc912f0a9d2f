"""Approval workflows that any app's content loader (site_content) puts on its pages."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask


def assign_approval_workflow(pages, workflow_name="Moderators approval", group_name="Moderators"):
    """Put the approval workflow on `pages` (and so on their sub-pages), unless a page has one.

    The default is Wagtail's own "Moderators approval" workflow, which Wagtail's migrations
    create; a flushed database lacks it, so it is recreated the same way (one task that the
    group approves) when missing.
    """
    workflow = Workflow.objects.filter(name=workflow_name).first()
    if workflow is None:
        group, _created = Group.objects.get_or_create(name=group_name)
        workflow = Workflow.objects.create(name=workflow_name)
        task = GroupApprovalTask.objects.create(name=workflow_name)
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
