"""The importer reads the initiative's plain-text releases, or says which line is wrong."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from press.importer import PressReleaseFormatError, paragraph_html, parse_press_release
from press.models import Boilerplate, PressContact, PressReleasePage
from tests.html import get_html

FOUNDING = Path(settings.SITE_CONTENT_DIR) / "press" / "2016-08-03-lepsi-mesta-hledaji-partnery.txt"


@pytest.fixture
def founding_text():
    return FOUNDING.read_text(encoding="utf-8")


def line_of(text, fragment):
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_founding_release_is_read_completely(founding_text):
    release = parse_press_release(founding_text)
    assert release.title == "Lepší města hledají partnery. Otevírají přihlášky do pracovních skupin"
    assert release.release_date == datetime.date(2016, 8, 3)
    assert release.place == "Praha"
    assert release.lead.startswith("Dva týdny po oficiálním zahájení iniciativy Lepší města")
    assert release.lead.endswith("poskytnout městům pomoc při jejich implementaci.")
    assert "[bookmark" not in release.lead

    kinds = [kind for kind, _value in release.body]
    assert kinds == ["paragraph", "paragraph", "quote", "paragraph", "paragraph"]
    quote = release.body[2][1]
    assert quote.speaker == "Martin Charvát"
    assert quote.role == "předseda Komory statutárních měst SMO ČR a primátor Pardubic"
    assert quote.text.startswith("Největší hráči na trhu")
    assert quote.text.endswith("zažádat o partnerství co nejdříve.")

    assert [s.title for s in release.about_sections] == [
        "O projektu Lepší města",
        "O Svazu měst a obcí České republiky",
    ]
    assert release.about_sections[1].paragraphs[0].startswith("Svaz měst a obcí České republiky")

    first, second = release.contacts
    assert (first.name, first.organisation, first.role) == (
        "Kristýna Bučková",
        "Magistrát hlavního město Praha",
        "poradkyně primátorky",
    )
    assert (first.phone, first.email) == ("725 997 546", "kristyna.buckova@praha.eu")
    assert (second.name, second.organisation, second.role) == (
        "Štěpánka Filipová",
        "Svaz měst a obcí ČR",
        "mediální zastoupení",
    )
    assert (second.phone, second.email) == ("724 302 802", "filipova@smocr.cz")


def test_an_about_heading_may_stand_apart_from_its_text(founding_text):
    text = founding_text.replace("O projektu Lepší města\n", "O projektu Lepší města\n\n")
    assert text != founding_text
    release = parse_press_release(text)
    assert [s.title for s in release.about_sections][0] == "O projektu Lepší města"
    assert release.about_sections[0].paragraphs[0].startswith("Iniciativa Lepší města je první")
    assert len(release.body) == 5


def test_a_statement_attributed_name_first_is_read_too(founding_text):
    text = founding_text.replace(
        "říká předseda Komory statutárních měst SMO ČR a primátor Pardubic Martin Charvát.",
        "říká Martin Charvát, primátor Pardubic.",
    )
    quote = parse_press_release(text).body[2][1]
    assert (quote.speaker, quote.role) == ("Martin Charvát", "primátor Pardubic")


@pytest.mark.parametrize(
    ("old", "new", "line_fragment", "problem"),
    [
        ("TISKOVÁ ZPRÁVA", "ZPRÁVA", "ZPRÁVA", "the first line must be “TISKOVÁ ZPRÁVA”"),
        ("3. srpna 2016", "3. srpnaa 2016", "Praha, 3.", "“srpnaa” is not a Czech month name"),
        ("3. srpna 2016", "31. června 2016", "Praha, 31.", "the date does not exist"),
        ("Praha, 3. srpna 2016 - ", "", "Dva týdny po", "expected the dateline"),
        ("co nejdříve,“", "co nejdříve,", "Největší hráči", "is not closed with “"),
        (
            "primátor Pardubic Martin Charvát.",
            "primátor pardubický.",
            "Největší hráči",
            "no speaker's name",
        ),
        (
            "e-mail: filipova@smocr.cz",
            "e-mail: filipova(at)smocr.cz",
            "filipova(at)smocr.cz",
            "“filipova(at)smocr.cz” is not an e-mail address",
        ),
        (
            "· Štěpánka Filipová",
            "Štěpánka Filipová",
            "Štěpánka Filipová",
            "follows the phone and e-mail of the contact above",
        ),
        ("· Kristýna", "Kristýna", "Kristýna", "each press contact must start with “·”"),
    ],
)
def test_malformed_input_names_the_line_and_the_problem(
    founding_text, old, new, line_fragment, problem
):
    assert old in founding_text
    text = founding_text.replace(old, new, 1)
    with pytest.raises(PressReleaseFormatError) as error:
        parse_press_release(text)
    assert error.value.line_number == line_of(text, line_fragment)
    assert problem in str(error.value)
    assert str(error.value).startswith(f"line {error.value.line_number}: ")


def test_an_empty_file_is_rejected():
    with pytest.raises(PressReleaseFormatError, match="line 1: the file is empty"):
        parse_press_release("\n \n")


@pytest.mark.django_db
def test_the_command_imports_a_draft_reusing_snippets_by_title_and_name(
    site, founding_text, tmp_path
):
    text = founding_text.replace(
        "Lepší města hledají partnery.", "Lepší města hledají další partnery."
    ).replace("O projektu Lepší města", "O iniciativě Lepší města")
    path = tmp_path / "zprava.txt"
    path.write_text(text, encoding="utf-8")
    boilerplates = Boilerplate.objects.count()
    contacts = PressContact.objects.count()

    out = StringIO()
    call_command("import_press_release", str(path), "--locale", "cs", stdout=out)

    release = PressReleasePage.objects.get(
        slug="lepsi-mesta-hledaji-dalsi-partnery-oteviraji-prihlasky-do-pracovnich-skupin"
    )
    assert "as a draft" in out.getvalue()
    assert not release.live
    assert Revision.objects.for_instance(release).count() == 1
    assert release.locale.language_code == "cs"
    assert release.get_parent().slug == "tiskove-zpravy"
    assert release.release_date == datetime.date(2016, 8, 3)
    assert release.dateline_place == "Praha"
    quote = release.body[2]
    assert quote.block_type == "quote"
    assert quote.value["speaker"] == "Martin Charvát"
    # The renamed about box is new; the other one and both contacts are reused.
    assert [item.boilerplate.title for item in release.boilerplate_items.all()] == [
        "O iniciativě Lepší města",
        "O Svazu měst a obcí České republiky",
    ]
    assert Boilerplate.objects.count() == boilerplates + 1
    assert PressContact.objects.count() == contacts
    assert [item.contact.email for item in release.contact_items.all()] == [
        "kristyna.buckova@praha.eu",
        "filipova@smocr.cz",
    ]


@pytest.mark.django_db
def test_the_command_on_malformed_input_names_the_line_and_creates_nothing(
    site, founding_text, tmp_path
):
    path = tmp_path / "zprava.txt"
    text = founding_text.replace("Lepší města hledají partnery.", "Nová zpráva.").replace(
        "e-mail: filipova@smocr.cz", "e-mail: filipova.smocr.cz"
    )
    path.write_text(text, encoding="utf-8")
    before = (Page.objects.count(), Boilerplate.objects.count(), PressContact.objects.count())

    with pytest.raises(CommandError) as error:
        call_command("import_press_release", str(path), "--locale", "cs", stdout=StringIO())

    assert f"line {line_of(text, 'filipova.smocr.cz')}:" in str(error.value)
    assert "is not an e-mail address" in str(error.value)
    after = (Page.objects.count(), Boilerplate.objects.count(), PressContact.objects.count())
    assert after == before


@pytest.mark.django_db
def test_the_command_refuses_a_release_that_exists(site, tmp_path):
    path = tmp_path / "zprava.txt"
    path.write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CommandError, match="exists already"):
        call_command("import_press_release", str(path), stdout=StringIO())


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "Více informací na www.lepsimesta.cz",
            'Více informací na <a href="https://www.lepsimesta.cz">www.lepsimesta.cz</a>',
        ),
        (
            "e-mailem na info@lepsimesta.cz. Dále",
            'e-mailem na <a href="mailto:info@lepsimesta.cz">info@lepsimesta.cz</a>. Dále',
        ),
        (
            "(viz https://www.smocr.cz/cs/o-nas?x=1&y=2).",
            '(viz <a href="https://www.smocr.cz/cs/o-nas?x=1&amp;y=2">'
            "https://www.smocr.cz/cs/o-nas?x=1&amp;y=2</a>).",
        ),
        ("Žádná adresa, jen <tag> & text.", "Žádná adresa, jen &lt;tag&gt; &amp; text."),
    ],
)
def test_web_and_email_addresses_in_the_text_become_links(text, html):
    assert paragraph_html(text) == f"<p>{html}</p>"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_founding_release_links_its_addresses_in_both_languages(client, site, language):
    release = PressReleasePage.objects.get(locale__language_code=language)
    html = get_html(client, release.url)
    links = {a["href"] for a in html.select("main a")}
    assert "mailto:info@lepsimesta.cz" in links
    assert "https://www.lepsimesta.cz" in links
    assert "https://www.smocr.cz" in links
