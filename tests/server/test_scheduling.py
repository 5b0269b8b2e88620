"""When the server lints a changed buffer: at once after a pause, debounced while it is busy."""
from __future__ import annotations


def test_a_change_is_linted_at_once_unless_a_lint_of_it_runs_or_waits():
    """The first change after a pause goes straight to the lint thread; changes while a lint
    runs, or while one waits for its quiet period, wait for the debounce."""
    from armlint.server.app import ArmlintServer
    server = ArmlintServer()
    server.debounce = 0.1
    assert server.change_delay("/w/main.bicep") == 0.0
    server._timers["/w/main.bicep"] = object()
    assert server.change_delay("/w/main.bicep") == 0.1
    assert server.change_delay("/w/other.bicep") == 0.0
    server._timers.clear()
    server._dirty["/w/main.bicep"] = None
    assert server.change_delay("/w/main.bicep") == 0.1
    server._dirty.clear()
    server._draining = True
    assert server.change_delay("/w/other.bicep") == 0.1
