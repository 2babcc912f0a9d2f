"""The catalogue's models, by family: the working groups' vocabulary (areas and topics), the
working-group pages, the projects and their catalogue, and the implementation guides.

Each module imports the ones it reads, so the package can load them in any order; what other
apps, the migrations and the tests use is re-exported here.
"""

from catalogue.models.catalogue_index import ProjectIndexPage
from catalogue.models.guides import DOCX_CONTENT_TYPE, GuideIndexPage, GuidePage
from catalogue.models.projects import ProjectFunding, ProjectPage
from catalogue.models.vocabulary import Area, Topic, area_names, in_source_language
from catalogue.models.working_groups import (
    WorkingGroupIndexPage,
    WorkingGroupPage,
    working_groups,
)

__all__ = [
    "DOCX_CONTENT_TYPE",
    "Area",
    "GuideIndexPage",
    "GuidePage",
    "ProjectFunding",
    "ProjectIndexPage",
    "ProjectPage",
    "Topic",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
    "area_names",
    "in_source_language",
    "working_groups",
]
