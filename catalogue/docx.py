"""A guide's tender outline as an editable Word document, in the language of the guide.

The city takes it home as the skeleton of its own tender documentation (zadávací dokumentace):
the outline's sections as headings, the criteria, timeline and budget as tables, the editors'
rich text as paragraphs and lists, and the guide's version on the first page and in the file name.
Call it with the guide's language active.
"""

import gc
import re
from contextlib import contextmanager
from html.parser import HTMLParser
from io import BytesIO

import docx
from anyascii import anyascii
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from wagtail.rich_text import expand_db_html

from .templatetags.catalogue_tags import czk, number, percent

# Word's language tags for the document's spell-checking.
WORD_LANGUAGES = {"cs": "cs-CZ", "en": "en-GB"}


def outline_filename(prefix, page):
    """`zadavaci-dokumentace-<slug>-v1.0.docx`: ASCII, with the version's dots kept."""
    version = re.sub(r"[^A-Za-z0-9.]+", "-", anyascii(page.version)).strip("-.") or "1"
    return f"{prefix}-{page.slug}-v{version}.docx"


def tender_outline_docx(page, budget, request):
    """The outline of `page` with `budget` (the reference town's or the visitor's), as bytes."""
    document = docx.Document()
    _set_language(document, page.locale.language_code)
    properties = document.core_properties
    properties.title = f"{_('Tender documentation outline')}: {page.title}"
    properties.version = page.version
    properties.author = _("Lepší města")

    document.add_heading(_("Tender documentation outline"), level=0)
    document.add_paragraph(page.title, style="Subtitle")
    document.add_paragraph(
        _("Version %(version)s, last reviewed %(date)s")
        % {"version": page.version, "date": date_format(page.last_reviewed)}
    )
    document.add_paragraph(
        _("From the implementation guide at %(url)s") % {"url": page.get_full_url(request)}
    )
    note = document.add_paragraph().add_run(
        _(
            "This outline is a basis for your city's own tender documentation: adapt it to your "
            "contract and check it against the current wording of Act No. 134/2016 Coll., on "
            "Public Procurement."
        )
    )
    note.italic = True

    writer = RichTextWriter(document, request.build_absolute_uri)
    _rich_text_section(document, writer, _("Subject and scope"), page.tender_subject)
    _rich_text_section(document, writer, _("Technical requirements"), page.technical_requirements)
    _rich_text_section(document, writer, _("Qualification criteria"), page.qualification_criteria)

    document.add_heading(_("Evaluation criteria"), level=1)
    criteria = [block.value for block in page.evaluation_criteria]
    if criteria:
        _table(
            document,
            [_("Criterion"), _("Weight"), _("How it is assessed")],
            [[c["name"], percent(c["weight"]), c["description"]] for c in criteria],
            footer=[_("Total"), percent(sum(c["weight"] for c in criteria)), ""],
            numeric_columns={1},
        )
    else:
        _not_specified(document)

    document.add_heading(_("Timeline"), level=1)
    phases = [block.value for block in page.timeline]
    if phases:
        _table(
            document,
            [_("Phase"), _("Duration (weeks)")],
            [[p["phase"], number(p["weeks"])] for p in phases],
            footer=[_("Total"), number(sum(p["weeks"] for p in phases))],
            numeric_columns={1},
        )
    else:
        _not_specified(document)

    document.add_heading(_("Contract type"), level=1)
    if page.contract_type:
        document.add_paragraph(page.get_contract_type_display())
    else:
        _not_specified(document)

    _rich_text_section(document, writer, _("Legal notes"), page.legal_notes)

    document.add_heading(_("Indicative budget"), level=1)
    document.add_paragraph(_budget_basis(budget))
    if budget.lines:
        _table(
            document,
            # "To" alone is also an e-mail's recipient (Czech "Komu"); here it ends a range ("Do").
            [_("Item"), pgettext("budget range", "From"), pgettext("budget range", "To")],
            [[line.item, czk(line.min_czk), czk(line.max_czk)] for line in budget.lines],
            footer=[_("Total"), czk(budget.total_min_czk), czk(budget.total_max_czk)],
            numeric_columns={1, 2},
        )
        document.add_paragraph(
            _("Per inhabitant: %(low)s to %(high)s")
            % {
                "low": czk(budget.per_inhabitant_min_czk),
                "high": czk(budget.per_inhabitant_max_czk),
            }
        )
    else:
        _not_specified(document)

    content = BytesIO()
    document.save(content)
    return content.getvalue()


def _budget_basis(budget):
    if budget.is_reference:
        return _(
            "For a town of %(population)s inhabitants, the size the guide was written for."
        ) % {"population": number(budget.population)}
    return _(
        "Recomputed for a town of %(population)s inhabitants; the guide was written for "
        "%(reference)s."
    ) % {"population": number(budget.population), "reference": number(budget.reference_population)}


def _not_specified(document):
    document.add_paragraph(_("The guide does not specify this; complete it for your contract."))


def _rich_text_section(document, writer, heading, html):
    document.add_heading(heading, level=1)
    if html and html.strip():
        writer.write(html)
    else:
        _not_specified(document)


def _table(document, header, rows, footer, numeric_columns):
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for values, bold in [(header, True), *((row, False) for row in rows), (footer, True)]:
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(str(value)).bold = bold
            if column in numeric_columns:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # The header row repeats on every page a long table runs over.
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header_row.append(header_row.makeelement(qn("w:tblHeader"), {}))
    return table


def _set_language(document, language_code):
    """Spell-check in the document's language: the default run properties carry it."""
    tag = WORD_LANGUAGES.get(language_code, language_code)
    document.core_properties.language = tag
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = run_properties.makeelement(qn("w:lang"), {})
        run_properties.append(language)
    language.set(qn("w:val"), tag)


class RichTextWriter(HTMLParser):
    """Wagtail rich text (p, ul, ol, li, b, i, a, br) as Word paragraphs, bullets and numbers.

    A link keeps its text and gains its address in brackets, since a printed tender needs it.
    """

    LIST_STYLES = {"ul": "List Bullet", "ol": "List Number"}

    def __init__(self, document, absolute_url):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.absolute_url = absolute_url

    def write(self, html):
        self.paragraph = None
        self.lists = []  # the open lists, innermost last: [tag, its Word numbering id or None]
        self.bold = self.italic = 0
        self.link = None  # [address, text so far]
        self.feed(expand_db_html(html))
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.paragraph = self.document.add_paragraph()
        elif tag in self.LIST_STYLES:
            self.lists.append([tag, None])
            self.paragraph = None
        elif tag == "li":
            self._start_item()
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag == "a":
            self.link = [dict(attrs).get("href") or "", ""]
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag):
        if tag in ("p", "li"):
            self.paragraph = None
        elif tag in self.LIST_STYLES and self.lists:
            self.lists.pop()
            self.paragraph = None
        elif tag in ("b", "strong"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("i", "em"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "a" and self.link is not None:
            address, text = self.link
            self.link = None
            if address and address != text.strip():
                self._add_run(f" ({self.absolute_url(address)})")

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data)
        if self.paragraph is None:
            if not text.strip():
                return
            self.paragraph = self.document.add_paragraph()
            text = text.lstrip()
        if self.link is not None:
            self.link[1] += text
        self._add_run(text)

    def _add_run(self, text):
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None

    def _start_item(self):
        if not self.lists:  # a stray <li>: a bullet
            self.lists.append(["ul", None])
        open_list = self.lists[-1]
        tag, numbering_id = open_list
        level = len(self.lists)
        style = self.LIST_STYLES[tag] + ("" if level == 1 else f" {min(level, 3)}")
        self.paragraph = self.document.add_paragraph(style=style)
        if tag == "ol":
            if numbering_id is None:
                open_list[1] = numbering_id = self._new_numbering(style)
            if numbering_id is not None:
                numbering_properties = self.paragraph._p.get_or_add_pPr().get_or_add_numPr()
                numbering_properties.get_or_add_ilvl().val = 0
                numbering_properties.get_or_add_numId().val = numbering_id

    def _new_numbering(self, style):
        """A numbering that counts from 1, for one list: Word otherwise continues the
        previous list of the same style. None where the style has no numbering."""
        style_numbering = self.document.styles[style].element.pPr.numPr
        if style_numbering is None:
            return None
        numbering = self.document.part.numbering_part.element
        abstract_id = numbering.num_having_numId(style_numbering.numId.val).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId


@contextmanager
def freed_when_done():
    """Around a document's build, so that its memory is given back when it is sent.

    python-docx's objects point at each other (the document, its parts, their package), so only
    the cycle collector frees them, and with them the lxml trees of every part: ~0.4 MB of
    native memory per document, which tracemalloc does not see. A build allocates enough to push
    them into the oldest generation, which a worker full of long-lived objects collects rarely:
    each download grew the worker by ~0.3-0.4 MB, without end. With the collector paused during
    the build they stay in the youngest generation, and collecting that one alone frees them
    for a fraction of a full collection's cost.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect(0)
