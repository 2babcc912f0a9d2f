"""Body blocks render what a reader needs, without the page tree."""

from django.test import SimpleTestCase
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError

from core.blocks import BodyBlock, HeadingBlock, QuoteBlock, TableBlock


class BlockRenderTests(SimpleTestCase):
    def render(self, block, raw):
        value = block.to_python(raw)
        block.clean(value)
        return block.render(value)

    def test_quote_carries_speaker_and_role(self):
        html = self.render(
            QuoteBlock(),
            {
                "text": "Věřím, že se nám podaří skupiny obsadit.",
                "speaker": "Martin Charvát",
                "role": "předseda Komory statutárních měst SMO ČR",
            },
        )
        self.assertInHTML("<p>Věřím, že se nám podaří skupiny obsadit.</p>", html)
        self.assertInHTML('<span class="quote__speaker">Martin Charvát</span>', html)
        self.assertInHTML(
            '<span class="quote__role">předseda Komory statutárních měst SMO ČR</span>', html
        )

    def test_table_has_a_header_row_and_escapes_cells(self):
        html = self.render(
            TableBlock(),
            {
                "caption": "Rozpočet",
                "rows": [["Položka", "Kč"], ["Senzory <script>", "120 000"]],
            },
        )
        self.assertInHTML('<th scope="col">Položka</th>', html)
        self.assertInHTML("<td>Senzory &lt;script&gt;</td>", html)
        self.assertInHTML("<caption>Rozpočet</caption>", html)

    def test_heading_level(self):
        self.assertInHTML(
            "<h3>Postup</h3>", self.render(HeadingBlock(), {"text": "Postup", "level": "h3"})
        )

    def test_body_stream_renders_paragraphs_as_rich_text(self):
        html = self.render(
            BodyBlock(),
            [{"type": "paragraph", "value": "<p>Město <b>Pardubice</b></p>"}],
        )
        self.assertInHTML("<p>Město <b>Pardubice</b></p>", html)


class HeadingOutlineTests(SimpleTestCase):
    """The body cannot skip a heading level: a Heading 3 needs a Heading 2 above it."""

    def clean(self, raw):
        block = BodyBlock()
        return block.clean(block.to_python(raw))

    def test_a_heading_3_first_is_refused_on_its_level_in_the_editors_language(self):
        body = [
            {"type": "paragraph", "value": "<p>Úvod</p>"},
            {"type": "heading", "value": {"text": "Postup", "level": "h3"}},
        ]
        for language, message in [
            ("cs", "Nadpis 3 musí mít nad sebou Nadpis 2."),
            ("en", "A Heading 3 needs a Heading 2 above it."),
        ]:
            with translation.override(language):
                with self.assertRaises(StreamBlockValidationError) as refused:
                    self.clean(body)
                level_error = refused.exception.block_errors[1].block_errors["level"]
                self.assertEqual(level_error.messages, [message])

    def test_a_heading_3_under_a_heading_2_or_a_call_to_action_is_accepted(self):
        for above in [
            {"type": "heading", "value": {"text": "Projekt", "level": "h2"}},
            {"type": "call_to_action", "value": {"heading": "Přidejte se", "link_text": "Více"}},
        ]:
            cleaned = self.clean(
                [above, {"type": "heading", "value": {"text": "Postup", "level": "h3"}}]
            )
            self.assertEqual(len(cleaned), 2)
