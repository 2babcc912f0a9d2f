"""A visitor searches from the header of a Czech page, without diacritics, and opens a result."""

from playwright.sync_api import expect

PISEK_CS = "Senzory obsazenosti parkovacích míst a navigace k volným místům"


def test_a_visitor_searches_from_the_header_and_opens_a_result(page, live_site):
    page.goto(live_site + "/cs/o-iniciative/")
    search_box = page.get_by_role("search").get_by_label("Hledat na webu")
    search_box.fill("parkovani")
    search_box.press("Enter")

    expect(page).to_have_url(live_site + "/cs/hledat/?q=parkovani")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hledat na webu")
    expect(page.get_by_role("status")).to_contain_text("„parkovani“")
    result = page.get_by_role("link", name=PISEK_CS)
    expect(result.locator("xpath=ancestor::li//mark").first).to_be_visible()

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PISEK_CS)
