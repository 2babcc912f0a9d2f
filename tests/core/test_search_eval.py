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
    # Measured on the sample site, SQLite and PostgreSQL alike: 97 % first, 100 % in the top
    # three (before issue 20: 61 % and 90 % on SQLite, 89 % and 99 % on PostgreSQL); the floors
    # leave room for new content.
    assert share(results, 1) >= 0.9
    assert share(results, 3) >= 0.95
