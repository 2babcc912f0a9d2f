"""The reusable body stream block and its building blocks, shared by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# The rich-text features of the site's longer texts (a body paragraph, a page's introduction,
# a guide's step): every app's rich text offers the same.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"


class TranslatedImageBlock(ImageBlock):
    """Wagtail's ImageBlock, whose image chooser is otherwise labelled by its name, "Image", in
    every admin language. Migrations still see an ImageBlock (ImageBlock.deconstruct)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks the editor for alt text (or to mark the image decorative).
    image = TranslatedImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"


class TableBlock(blocks.StructBlock):
    """A simple data table: the first row is the header row; every cell is translatable text."""

    caption = blocks.CharBlock(label=_("Table caption"), required=False, max_length=300)
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Row")),
        label=_("Rows (the first is the header)"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/streamfield/blocks/table_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=100)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/streamfield/blocks/call_to_action_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="components/streamfield/blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    call_to_action = CallToActionBlock()

    def clean(self, value):
        """Refuse a Heading 3 with no Heading 2 above it in the body: under the page's title (h1)
        it skips a level for screen readers, under a section of the template it joins that one."""
        value = super().clean(value)
        has_h2 = False
        for index, child in enumerate(value):
            if child.block_type == "call_to_action" or (
                child.block_type == "heading" and child.value["level"] == "h2"
            ):
                has_h2 = True
            elif child.block_type == "heading" and not has_h2:
                raise blocks.StreamBlockValidationError(
                    block_errors={
                        index: blocks.StructBlockValidationError(
                            {"level": ValidationError(_("A Heading 3 needs a Heading 2 above it."))}
                        )
                    }
                )
        return value
