"""Body blocks render what a reader needs, without the page tree."""

from django.test import SimpleTestCase

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
