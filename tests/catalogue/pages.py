"""Reading the catalogue pages as a visitor does."""

from tests.html import get_html

__all__ = ["get_html"]


def card_titles(html):
    return [a.get_text(strip=True) for a in html.select(".project-card__title a")]


def facet_options(html, facet):
    """{code: (label text, disabled, checked)} of one facet's checkboxes."""
    options = {}
    for box in html.select(f'.catalogue-filters input[name="{facet}"]'):
        label = html.select_one(f'label[for="{box["id"]}"]')
        options[box["value"]] = (
            " ".join(label.get_text().split()),
            box.has_attr("disabled"),
            box.has_attr("checked"),
        )
    return options


def counts(html, facet):
    """{code: count} as the labels show it ("Doprava (3 projekty)" → 3)."""
    return {
        code: int(label.split("(")[-1].split()[0].rstrip(")"))
        for code, (label, _disabled, _checked) in facet_options(html, facet).items()
    }
