"""engine.suppress: which findings directives, metadata entries and configuration overrides
silence, with what justification, and the AL0004 findings for directives that name no rule or
silence nothing."""
from armlint.engine import suppress
from armlint.engine.results import Finding, Location
from armlint.source.directives import Directive, parse_comment
from armlint.source.text import LineIndex, Span


def finding(rule_id="AL5001", line=5, pointer="/resources/0/properties/x", item=""):
    return Finding(rule_id, "name", "error", "m", Location("t.json", Span(line, 3, line, 9), pointer),
                   item_pointer=item)


def directive(text, line):
    """The directive of a comment written on `line` (it applies to the line after it)."""
    source = "\n" * (line - 1) + text
    d = parse_comment(text, line - 1, len(source), LineIndex(source))
    assert d is not None
    return d


def test_a_directive_silences_its_rule_on_the_next_line_only(catalogue):
    d = directive("// armlint-disable-next-line AL5001 -- the image installs the agent", 4)
    hit, other_line, other_rule = finding(line=5), finding(line=6), finding("AL5002", line=5)
    extra = suppress.apply([hit, other_line, other_rule], catalogue, [d], [], [], "t.json")
    assert extra == []
    assert hit.suppression is not None
    assert (hit.suppression.kind, hit.suppression.justification, hit.suppression.source) == (
        "inSource", "the image installs the agent", "armlint-disable-next-line")
    assert other_line.suppression is None and other_rule.suppression is None


def test_a_directive_names_rules_by_id_name_prefix_or_bicep_code(catalogue):
    rule = catalogue.find("AL5001")
    bicep_rule = next(r for r in catalogue.rules if any(e.startswith("bicep:") for e in r.equivalents))
    code = next(e for e in bicep_rule.equivalents if e.startswith("bicep:"))[len("bicep:"):]
    for selector, rule_id in [(rule.id, rule.id), (rule.name, rule.id), ("AL50", rule.id),
                              (code, bicep_rule.id)]:
        f = finding(rule_id)
        suppress.apply([f], catalogue, [directive(f"// armlint-disable-next-line {selector}", 4)],
                       [], [], "t.json")
        assert f.suppression is not None, selector


def test_bad_directives_are_al0004_at_the_directive(catalogue):
    unknown = directive("// armlint-disable-next-line AL5999", 2)
    empty = directive("// armlint-disable-next-line", 7)
    unused = directive("// armlint-disable-next-line AL5002", 9)
    extra = suppress.apply([finding(line=5)], catalogue, [unknown, empty, unused], [], [], "t.json")
    assert [(f.rule_id, f.location.span.start_line) for f in extra] == [
        ("AL0004", 2), ("AL0004", 7), ("AL0004", 9)]
    assert "'AL5999', which is not a rule" in extra[0].message
    assert "names no rule" in extra[1].message
    assert "silences nothing on line 10" in extra[2].message


def test_bicep_directives_are_not_reported_when_they_name_bicep_codes(catalogue):
    d = Directive("bicep-next-line", ["no-hardcoded-env-urls-xyz"], "", 3, Span(3, 1, 3, 20), 4, 4,
                  checked=False)
    f = finding(line=4)
    assert suppress.apply([f], catalogue, [d], [], [], "t.json") == []
    assert f.suppression is None


def test_metadata_entries_apply_inside_their_resource_and_unused_ones_are_reported(catalogue):
    raw = {"metadata": {"armlint": {"suppress": [
        "AL5001 -- accepted", {"rule": ["AL5002"], "reason": "legacy"}, 7]}}}
    spans = []

    def locate(origin, rest):
        spans.append(rest)
        return Span(20 + len(spans), 1, 20 + len(spans), 5)
    entries = suppress.metadata_entries(raw, "/resources/1", None, "t.json", locate)
    assert [(e.selectors, e.reason) for e in entries] == [(["AL5001"], "accepted"),
                                                         (["AL5002"], "legacy")]
    assert spans == [("metadata", "armlint", "suppress", 0), ("metadata", "armlint", "suppress", 1)]
    inside = finding(pointer="/resources/1/properties/x")
    by_item = finding(pointer="", item="/resources/1")
    outside = finding(pointer="/resources/10/properties/x")  # a prefix of the text, not the path
    extra = suppress.apply([inside, by_item, outside], catalogue, [], entries, [], "t.json")
    assert inside.suppression.justification == "accepted" and inside.suppression.source == "metadata"
    assert by_item.suppression is not None and outside.suppression is None
    assert [(f.rule_id, f.location.span.start_line) for f in extra] == [("AL0004", 22)]
    assert "AL5002 silences nothing" in extra[0].message


def test_configuration_overrides_are_external_and_scoped_by_pointer(catalogue):
    inside, outside = finding(pointer="/resources/0/x"), finding(pointer="/resources/2/x")
    other_rule = finding("AL5002", pointer="/resources/0/x")
    suppress.apply([inside, outside, other_rule], catalogue, [], [],
                   [({"AL5001"}, "/resources/0", "until the migration")], "t.json")
    assert (inside.suppression.kind, inside.suppression.justification,
            inside.suppression.source) == ("external", "until the migration", "config")
    assert outside.suppression is None and other_rule.suppression is None


def test_the_first_suppression_wins_and_al0004_findings_are_never_suppressed(catalogue):
    f = finding(line=5)
    bad = finding("AL0004", line=5)
    d = directive("// armlint-disable-next-line AL5001, AL0004 -- inline", 4)
    suppress.apply([f, bad], catalogue, [d], [], [({"AL5001"}, "", "config")], "t.json")
    assert f.suppression.source == "armlint-disable-next-line"
    assert bad.suppression is None


def test_names_a_rule(catalogue):
    assert suppress.names_a_rule(catalogue, "AL5001")
    assert suppress.names_a_rule(catalogue, "extensions-without-vm-agent")
    assert suppress.names_a_rule(catalogue, "AL5")
    assert not suppress.names_a_rule(catalogue, "AL5999")
    assert not suppress.names_a_rule(catalogue, "no-such-rule")
