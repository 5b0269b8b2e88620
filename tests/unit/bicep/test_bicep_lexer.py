"""Bicep lexer: token kinds and spans, strings and interpolation, comments, directives, errors."""
from __future__ import annotations

from armlint.bicep.lexer import (EOF, ERR, ID, INT, MSTR, MSTR_L, MSTR_M, MSTR_R, NL, STR, STR_L,
                                 STR_M, STR_R, tokenize)


def toks(text: str) -> list[tuple[str, str]]:
    t = tokenize(text)
    return [(k, text[s:e]) for k, s, e in zip(t.kinds, t.starts, t.ends)]


def test_simple_declaration_tokens_and_spans():
    text = "param location string = 'westeurope'\n"
    t = tokenize(text)
    assert t.kinds == [ID, ID, ID, "=", STR, NL, EOF]
    assert t.values[:3] == ["param", "location", "string"]
    assert (t.starts[4], t.ends[4]) == (24, 36)
    assert text[t.starts[4]:t.ends[4]] == "'westeurope'"
    assert t.starts[-1] == t.ends[-1] == len(text)
    assert t.diagnostics == []


def test_multi_character_operators():
    kinds = [k for k, _ in toks("a ... :: => == != =~ !~ >= <= && || ?? .? [? [^ ! ? : | @ %")]
    assert kinds == [ID, "...", "::", "=>", "==", "!=", "=~", "!~", ">=", "<=", "&&", "||", "??",
                     ".", "?", "[", "?", "[", "^", "!", "?", ":", "|", "@", "%", EOF]


def test_integers_and_identifiers():
    assert toks("x1 _y 42") == [(ID, "x1"), (ID, "_y"), (INT, "42"), (EOF, "")]


def test_newline_runs_are_one_token_and_comments_are_not_tokens():
    text = "var a = 1 // trailing\n\n  /* block\n comment */\n\nvar b = 2"
    t = tokenize(text)
    assert t.kinds.count(NL) == 1
    nl = t.kinds.index(NL)
    assert text[t.starts[nl]] == "\n"
    assert [c.text for c in t.comments] == ["// trailing", "/* block\n comment */"]
    first = t.comments[0]
    assert text[first.start:first.end] == "// trailing"


def test_crlf_newlines():
    t = tokenize("var a = 1\r\nvar b = 2\r\n")
    assert t.kinds == [ID, ID, "=", INT, NL, ID, ID, "=", INT, NL, EOF]


def test_interpolated_string_pieces():
    text = "'a${b}c${d}e'"
    assert toks(text) == [(STR_L, "'a${"), (ID, "b"), (STR_M, "}c${"), (ID, "d"),
                          (STR_R, "}e'"), (EOF, "")]


def test_interpolation_with_object_and_nested_string_in_hole():
    text = "'x${ {k: 'v${y}'}.k }z'"
    kinds = [k for k, _ in toks(text)]
    assert kinds == [STR_L, "{", ID, ":", STR_L, ID, STR_R, "}", ".", ID, STR_R, EOF]


def test_escaped_dollar_is_not_interpolation():
    assert toks(r"'\${x}'") == [(STR, r"'\${x}'"), (EOF, "")]
    assert toks("'cost: $5'") == [(STR, "'cost: $5'"), (EOF, "")]


def test_escaped_quote_stays_in_string():
    assert toks(r"'it\'s'") == [(STR, r"'it\'s'"), (EOF, "")]


def test_multiline_string_is_one_token():
    text = "var s = '''\nline ${x}\n'it'\n'''\nvar t = 1"
    t = tokenize(text)
    i = t.kinds.index(MSTR)
    assert text[t.starts[i]:t.ends[i]] == "'''\nline ${x}\n'it'\n'''"
    assert t.diagnostics == []


def test_multiline_string_extra_closing_quotes_belong_to_content():
    assert toks("''''abc''''") == [(MSTR, "''''abc''''"), (EOF, "")]


def test_empty_string_is_not_a_multiline_string():
    assert toks("''") == [(STR, "''"), (EOF, "")]


def test_interpolated_multiline_string():
    text = "$'''\nhi ${name}!\n'''"
    assert toks(text) == [(MSTR_L, "$'''\nhi ${"), (ID, "name"), (MSTR_R, "}!\n'''"), (EOF, "")]


def test_interpolated_multiline_string_with_two_dollars():
    text = "$$'''a ${literal} $${x} b $${y}'''"
    assert toks(text) == [(MSTR_L, "$$'''a ${literal} $${"), (ID, "x"), (MSTR_M, "} b $${"),
                          (ID, "y"), (MSTR_R, "}'''"), (EOF, "")]


def test_dollar_multiline_without_holes_is_complete():
    assert toks("$'''plain'''") == [(MSTR, "$'''plain'''"), (EOF, "")]


def test_directives_with_codes_and_spans():
    text = ("#disable-next-line BCP081 no-unused-params // why\n"
            "  #disable-diagnostics BCP037\n"
            "#restore-diagnostics BCP037\n"
            "var a = 1\n")
    t = tokenize(text)
    assert [(d.kind, d.codes) for d in t.directives] == [
        ("disable-next-line", ["BCP081", "no-unused-params"]),
        ("disable-diagnostics", ["BCP037"]),
        ("restore-diagnostics", ["BCP037"]),
    ]
    first = t.directives[0]
    assert text[first.start:first.end] == "#disable-next-line BCP081 no-unused-params"
    assert [c.text for c in t.comments] == ["// why"]
    assert t.kinds[:2] == [NL, ID]  # directives are trivia, not tokens
    assert t.diagnostics == []


def test_directive_without_codes_is_reported():
    t = tokenize("#disable-next-line\nvar a = 1\n")
    assert len(t.directives) == 1 and t.directives[0].codes == []
    assert len(t.diagnostics) == 1
    assert "needs at least one diagnostic code" in t.diagnostics[0].message


def test_directive_not_first_on_line_is_an_error():
    t = tokenize("var a = 1 #disable-next-line BCP1\n")
    assert t.directives == []
    assert "must be the first thing on its line" in t.diagnostics[0].message


def test_unterminated_string_is_reported_at_its_span():
    text = "var a = 'abc\nvar b = 1\n"
    t = tokenize(text)
    assert len(t.diagnostics) == 1
    d = t.diagnostics[0]
    assert (d.start, d.end) == (8, 12)
    assert "unterminated string" in d.message
    assert t.kinds[3] == STR and t.kinds[4] == NL


def test_unterminated_comment_and_multiline_string():
    assert "unterminated comment" in tokenize("/* open").diagnostics[0].message
    assert "unterminated multi-line string" in tokenize("'''open").diagnostics[0].message


def test_double_quoted_string_is_one_error():
    t = tokenize('var a = "abc"\n')
    assert t.kinds[3] == ERR
    assert len(t.diagnostics) == 1
    assert "single quotes" in t.diagnostics[0].message


def test_unknown_character():
    t = tokenize("var a = 1 ~ 2")
    assert t.kinds[4] == ERR
    assert t.diagnostics[0].message == "unexpected character '~'"
    assert (t.diagnostics[0].start, t.diagnostics[0].end) == (10, 11)


def test_byte_order_mark_is_skipped():
    assert tokenize("\ufeffvar a = 1").kinds[:2] == [ID, ID]
