"""RSS 2.0 and Atom feeds of a press index, one per language (each index is one language)."""

import uuid
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext


class PressRssFeed(Feed):
    feed_type = Rss201rev2Feed
    max_items = 20
    # RSS 2.0 allows one enclosure per item; the Atom feed lists every attachment.
    max_enclosures = 1

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} – {gettext('Lepší města')}"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return self.request.path

    def description(self, index):
        return index.intro or gettext("Press releases of the Lepší města initiative.")

    def items(self, index):
        return index.feed_releases(self.max_items)

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.lead

    def item_link(self, release):
        return release.get_url(self.request)

    def item_guid(self, release):
        # The RSS guid and the Atom id stay the same for the life of a release, whatever
        # happens to its address: a feed reader never shows a renamed release twice.
        return f"urn:uuid:{uuid.uuid5(release.translation_key, self.language)}"

    def item_guid_is_permalink(self, release):
        return False

    def item_pubdate(self, release):
        return timezone.make_aware(datetime.combine(release.release_date, time.min))

    def item_updateddate(self, release):
        return release.last_published_at

    def item_enclosures(self, release):
        documents = [attachment.document for attachment in release.attachments.all()]
        return [
            Enclosure(
                url=self.request.build_absolute_uri(document.url),
                length=str(document.get_file_size() or 0),
                mime_type=document.content_type,
            )
            for document in documents[: self.max_enclosures]
        ]


class PressAtomFeed(PressRssFeed):
    feed_type = Atom1Feed
    max_enclosures = None

    def subtitle(self, index):
        return self.description(index)
