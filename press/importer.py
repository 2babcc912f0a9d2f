"""Read press releases in the plain-text layout the initiative has used since 2016.

    TISKOVÁ ZPRÁVA
    <title>
    <Place>, <3. srpna 2016> - <lead>
    <paragraphs; a statement „…,“ říká <role> <Name>.>
    O <something>            an about box: its title, then its text
    Pro další informace kontaktujte:
    · <Name>, <Organisation>, <role>, mobil: <phone>, e-mail: <address>

`parse_press_release` checks everything and returns plain data (or raises
PressReleaseFormatError naming the line); `create_press_release` writes it, in one
transaction, as a draft.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from wagtail.rich_text import RichText

from core.slugs import ascii_slug

from .models import (
    Boilerplate,
    PressContact,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleasePage,
)

HEADER = "TISKOVÁ ZPRÁVA"
CONTACTS_HEADING = re.compile(r"^Pro další informace kontaktujte\s*:?$", re.IGNORECASE)
# Word processors leave these behind when a .docx is saved as text.
ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")
BULLET = re.compile(r"^[·•\-–*]\s*")
MONTHS = {
    "ledna": 1,
    "února": 2,
    "března": 3,
    "dubna": 4,
    "května": 5,
    "června": 6,
    "července": 7,
    "srpna": 8,
    "září": 9,
    "října": 10,
    "listopadu": 11,
    "prosince": 12,
}
DATELINE = re.compile(
    r"^(?P<place>[^,\d]+?),\s*(?P<day>\d{1,2})\.\s*(?P<month>\w+)\s+(?P<year>\d{4})"
    r"\s+[-–—]\s+(?P<lead>\S.*)$"
)
# „statement,“ říká role Name.  (the verbs Czech releases use to attribute a statement)
QUOTE = re.compile(
    r"^„(?P<text>.+)“\s*,?\s*(?P<verb>říká|řekl[a]?|uvedl[a]?|uvádí|dodal[a]?|dodává|"
    r"doplnil[a]?|doplňuje|vysvětluje|vysvětlil[a]?)\s+(?P<attribution>.+?)\.?$"
)
PHONE_LABEL = re.compile(r"^(?:mobil|mob\.|tel\.?|telefon)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
EMAIL_LABEL = re.compile(r"^e-?mail\s*:\s*(?P<value>.+)$", re.IGNORECASE)
UPPER = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
NAME_WORD = re.compile(rf"^[{UPPER}][\w'-]*$")


class PressReleaseFormatError(ValueError):
    """The text does not follow the layout; the message names the line."""

    def __init__(self, line_number, problem):
        self.line_number = line_number
        self.problem = problem
        super().__init__(f"line {line_number}: {problem}")


@dataclass
class Quote:
    text: str
    speaker: str
    role: str


@dataclass
class AboutSection:
    title: str
    paragraphs: list[str]


@dataclass
class Contact:
    name: str
    organisation: str
    role: str
    phone: str
    email: str


@dataclass
class ParsedRelease:
    title: str
    place: str
    release_date: date
    lead: str
    # ("paragraph", str) or ("quote", Quote), in reading order
    body: list[tuple[str, object]] = field(default_factory=list)
    about_sections: list[AboutSection] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)

    @property
    def slug(self):
        return ascii_slug(self.title)


def _clean(line):
    return re.sub(r"\s+", " ", ARTEFACT.sub("", line).replace("\ufeff", "")).strip()


def _blocks(text):
    """Groups of consecutive non-blank lines, each line with its 1-based number."""
    blocks, current = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if line:
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_about_heading(block, next_block):
    """A line like "O projektu …" whose text follows, on the next line or after a blank one."""
    _number, first = block[0]
    followed_by_text = len(block) > 1 or (
        next_block is not None and not CONTACTS_HEADING.match(next_block[0][1])
    )
    return (
        followed_by_text
        and first.startswith("O ")
        and len(first) <= 100
        and not first.endswith((".", "!", "?", ","))
    )


def parse_dateline(number, line):
    match = DATELINE.match(line)
    if not match:
        raise PressReleaseFormatError(
            number, "expected the dateline “Place, 3. srpna 2016 - lead”, found: " + line[:60]
        )
    month = MONTHS.get(match["month"].lower())
    if month is None:
        raise PressReleaseFormatError(
            number, f"“{match['month']}” is not a Czech month name (ledna … prosince)"
        )
    try:
        release_date = date(int(match["year"]), month, int(match["day"]))
    except ValueError as exc:
        raise PressReleaseFormatError(number, f"the date does not exist ({exc})") from exc
    return match["place"].strip(), release_date, match["lead"].strip()


def split_attribution(number, attribution):
    """ "předseda … a primátor Pardubic Martin Charvát" -> ("Martin Charvát", "předseda …").

    Also accepts "Martin Charvát, předseda …". A name is the last two capitalised words.
    """
    if "," in attribution:
        name, role = (part.strip() for part in attribution.split(",", 1))
        if all(NAME_WORD.match(word) for word in name.split()) and len(name.split()) >= 2:
            return name, role
    words = attribution.split()
    if len(words) < 2 or not all(NAME_WORD.match(word) for word in words[-2:]):
        raise PressReleaseFormatError(number, f"no speaker's name at the end of “{attribution}”")
    return " ".join(words[-2:]), " ".join(words[:-2])


def parse_quote(number, line):
    if "“" not in line:
        raise PressReleaseFormatError(
            number, "the quotation that starts with „ is not closed with “"
        )
    match = QUOTE.match(line)
    if not match:
        raise PressReleaseFormatError(
            number, "a quotation must be followed by “říká <role> <Name>”"
        )
    speaker, role = split_attribution(number, match["attribution"])
    text = match["text"].strip().rstrip(",").strip()
    if not text.endswith((".", "!", "?", "…")):
        text += "."
    return Quote(text=text, speaker=speaker, role=role)


def parse_contact(lines):
    """One contact from its lines [(number, text), …]: name, organisation, role, phone, e-mail."""
    number = lines[0][0]
    phone = email = ""
    details = []
    for line_number, text in lines:
        for part in (part.strip() for part in text.split(",")):
            if not part:
                continue
            if match := PHONE_LABEL.match(part):
                if phone:
                    raise PressReleaseFormatError(
                        line_number, "a second phone number: start each contact with “·”"
                    )
                phone = match["value"].strip()
            elif match := EMAIL_LABEL.match(part):
                if email:
                    raise PressReleaseFormatError(
                        line_number, "a second e-mail address: start each contact with “·”"
                    )
                email = match["value"].strip()
                try:
                    validate_email(email)
                except ValidationError as exc:
                    raise PressReleaseFormatError(
                        line_number, f"“{email}” is not an e-mail address"
                    ) from exc
            elif phone or email:
                raise PressReleaseFormatError(
                    line_number,
                    f"“{part}” follows the phone and e-mail of the contact above: "
                    "start each contact with “·”",
                )
            else:
                details.append(part)
    if not details:
        raise PressReleaseFormatError(number, "a press contact needs a name")
    if not phone and not email:
        raise PressReleaseFormatError(
            number, f"the press contact {details[0]} has no phone or e-mail"
        )
    name, organisation, role = (details + ["", ""])[:3]
    if len(details) > 3:
        role = ", ".join(details[2:])
    return Contact(name=name, organisation=organisation, role=role, phone=phone, email=email)


def parse_contacts(lines):
    """The lines after the heading: each "· " starts a contact, which may run over lines."""
    entries = []
    for number, line in lines:
        if BULLET.match(line):
            entries.append([(number, BULLET.sub("", line))])
        elif entries:
            entries[-1].append((number, line))
        else:
            raise PressReleaseFormatError(number, "each press contact must start with “·”")
    return [parse_contact(entry) for entry in entries]


def parse_press_release(text):
    """Parse the whole text; raise PressReleaseFormatError at the first problem."""
    blocks = _blocks(text)
    if not blocks:
        raise PressReleaseFormatError(1, "the file is empty")
    lines = [line for block in blocks for line in block]
    number, first = lines[0]
    if first.upper() != HEADER:
        raise PressReleaseFormatError(
            number, f"the first line must be “{HEADER}”, found: {first[:60]}"
        )
    if len(lines) < 3:
        raise PressReleaseFormatError(
            lines[-1][0], "expected a title and a dateline after the heading"
        )
    title_number, title = lines[1]
    if DATELINE.match(title):
        raise PressReleaseFormatError(
            title_number, "the title is missing (this line is the dateline)"
        )
    place, release_date, lead = parse_dateline(*lines[2])
    release = ParsedRelease(title=title, place=place, release_date=release_date, lead=lead)

    # Everything after the dateline, in blocks; the header, title and dateline are consumed.
    consumed = {lines[0][0], lines[1][0], lines[2][0]}
    rest = [[ln for ln in block if ln[0] not in consumed] for block in blocks]
    rest = [block for block in rest if block]
    section = "body"
    for index, block in enumerate(rest):
        number, first = block[0]
        if CONTACTS_HEADING.match(first):
            contact_lines = block[1:] + [ln for later in rest[index + 1 :] for ln in later]
            if not contact_lines:
                raise PressReleaseFormatError(number, "no press contacts follow the heading")
            release.contacts = parse_contacts(contact_lines)
            break
        next_block = rest[index + 1] if index + 1 < len(rest) else None
        if _is_about_heading(block, next_block):
            section = "about"
            release.about_sections.append(
                AboutSection(
                    title=first.rstrip(":").strip(), paragraphs=[ln for _n, ln in block[1:]]
                )
            )
        elif section == "about":
            release.about_sections[-1].paragraphs.extend(ln for _n, ln in block)
        else:
            for number, line in block:
                if line.startswith("„"):
                    release.body.append(("quote", parse_quote(number, line)))
                else:
                    release.body.append(("paragraph", line))
    if not release.body:
        raise PressReleaseFormatError(lines[2][0], "the release has no text after the dateline")
    return release


# Web and e-mail addresses in a release's text become links. The web address stops before
# trailing punctuation ("www.lepsimesta.cz." at the end of a sentence).
ADDRESS = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<web>(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)»“”])"
)


def link_addresses(escaped_html):
    """Link the web and e-mail addresses in HTML text that holds no tags with addresses."""

    def link(match):
        if match["email"]:
            return f'<a href="mailto:{match["email"]}">{match["email"]}</a>'
        web = match["web"]
        href = web if web.startswith("http") else f"https://{web}"
        return f'<a href="{href}">{web}</a>'

    return ADDRESS.sub(link, escaped_html)


def paragraph_html(text):
    return f"<p>{link_addresses(html.escape(text, quote=False))}</p>"


def create_press_release(release, index_page):
    """Save a parsed release as a draft under `index_page`, with its snippets; return it.

    About boxes are found by title and contacts by name (in the index's language), so a
    snippet an editor has corrected is reused, not duplicated.
    """
    locale = index_page.locale
    with transaction.atomic():
        boilerplates = [
            Boilerplate.objects.get_or_create(
                locale=locale,
                title=section.title,
                defaults={"body": "".join(paragraph_html(p) for p in section.paragraphs)},
            )[0]
            for section in release.about_sections
        ]
        contacts = [
            PressContact.objects.get_or_create(
                locale=locale,
                name=contact.name,
                defaults={
                    "organisation": contact.organisation,
                    "role": contact.role,
                    "phone": contact.phone,
                    "email": contact.email,
                },
            )[0]
            for contact in release.contacts
        ]
        body = []
        for kind, value in release.body:
            if kind == "quote":
                body.append(
                    ("quote", {"text": value.text, "speaker": value.speaker, "role": value.role})
                )
            else:
                body.append(("paragraph", RichText(paragraph_html(value))))
        page = PressReleasePage(
            title=release.title,
            slug=release.slug,
            locale=locale,
            release_date=release.release_date,
            dateline_place=release.place,
            lead=release.lead,
            body=body,
            live=False,
        )
        page.boilerplate_items = [PressReleaseBoilerplate(boilerplate=b) for b in boilerplates]
        page.contact_items = [PressReleaseContact(contact=c) for c in contacts]
        index_page.add_child(instance=page)
        page.save_revision()
    return page
