"""Bicep lexer: source text to a flat token stream, plus comments, directives and lexical errors.

Owns: the token kinds, the single compiled master pattern that recognises every token at a
position, the modal handling of string interpolation (`'a${x}b'`, `$'''...${x}...'''`), comments
(kept as `Comment` records, not tokens), the `#disable-next-line` / `#disable-diagnostics` /
`#restore-diagnostics` directives (kept as `Directive` records) and lexical diagnostics
(unterminated strings and comments, unknown characters).

Tokens are stored column-wise in four parallel lists (`kinds`, `values`, `starts`, `ends`) rather
than as objects: the parser only indexes them, and building one object per token would cost more
than lexing itself. A run of newlines (with any blank lines, comments or directives between them)
is one `NL` token; spaces and tabs are not tokens at all.

Kinds: `ID` (identifiers and keywords: Bicep keywords are contextual, the parser checks the
value), `INT`, `STR` (complete single-line string), `STR_L`/`STR_M`/`STR_R` (pieces of an
interpolated string: `'..${`, `}..${`, `}..'`), `MSTR` (multi-line string, `'''..'''` or a
`$'''..'''` without holes), `MSTR_L`/`MSTR_M`/`MSTR_R` (pieces of an interpolated multi-line
string), `NL`, `EOF`, `ERR` (an unrecognised character), and for punctuation the punctuation text
itself (`'{'`, `'=='`, `'...'`, ...).
"""
from __future__ import annotations

import re

from armlint.bicep.syntax import Comment, Diagnostic, Directive

ID = "ID"
INT = "INT"
STR = "STR"
STR_L = "STR_L"
STR_M = "STR_M"
STR_R = "STR_R"
MSTR = "MSTR"
MSTR_L = "MSTR_L"
MSTR_M = "MSTR_M"
MSTR_R = "MSTR_R"
NL = "NL"
EOF = "EOF"
ERR = "ERR"

# One alternative per token class, most frequent first. Leading spaces and tabs are skipped by the
# same match. Group numbers are used for dispatch (m.lastindex), so every alternative is a single
# top-level group except strings, whose closing groups tell complete/left-piece/unterminated apart.
_MASTER = re.compile(
    r"""[ \t]*(?:
     ([A-Za-z_][A-Za-z0-9_]*)                                   # 1 identifier or keyword
    |(\r\n?|\n)                                                  # 2 newline
    |(')(?!'')(?:[^'\\\r\n$]+|\\.|\$(?!\{))*(?:(')|(\$\{))?      # 3 quote, 4 end -> STR, 5 -> STR_L
    |(\.\.\.|::|=>|==|!=|=~|!~|>=|<=|&&|\|\||\?\?|/(?![/*])|[(),.:=\[\]@!?<>|*%+\-^])   # 6 punct
    |(\{)                                                        # 7
    |(\})                                                        # 8
    |([0-9]+)                                                    # 9 integer
    |(//[^\r\n]*)                                                # 10 line comment
    |(/\*[\s\S]*?(?:\*/|\Z))                                     # 11 block comment
    |('''[\s\S]*?(?:'''+|\Z))                                    # 12 multi-line string
    |(\$+(?:''')?)                                               # 13 $''' start, or dollars
    |(\#(?:disable-next-line|disable-diagnostics|restore-diagnostics)(?![A-Za-z0-9_-]))  # 14
    |("[^"\r\n]*"?|.)                                             # 15 unrecognised character
    |(\Z)                                                        # 16 end of text
    )""",
    re.X,
)

# After the `}` that closes a hole of a single-line interpolated string.
_STR_CONT = re.compile(r"\}(?:[^'\\\r\n$]+|\\.|\$(?!\{))*(?:(')|(\$\{))?")

_DIRECTIVE_CODES = re.compile(r"(?:[ \t]+(?!//|/\*)[^ \t\r\n]+)*")



class Tokens:
    """The lexer's output: parallel token columns plus comments, directives and diagnostics."""

    __slots__ = ("kinds", "values", "starts", "ends", "comments", "directives", "diagnostics")

    def __init__(self):
        self.kinds: list[str] = []
        self.values: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.comments: list[Comment] = []
        self.directives: list[Directive] = []
        self.diagnostics: list[Diagnostic] = []

    def __len__(self) -> int:
        return len(self.kinds)


def _multiline_hole_pattern(dollars: int) -> re.Pattern:
    """Pattern for a `$..$'''` string's body: text up to a hole opener or the closing quotes."""
    return re.compile(r"[\s\S]*?(?:(" + r"\$" * dollars + r"\{)|('''+)|\Z)")


_HOLE_PATTERNS: dict[int, re.Pattern] = {}

_TRIPLE = "'''"
_UNTERMINATED_STRING = "unterminated string: a string must close with ' on the same line"
_UNTERMINATED_MULTILINE = "unterminated multi-line string: ''' has no closing '''"


def tokenize(text: str) -> Tokens:
    """Lex the whole text; never raises (errors become diagnostics)."""
    out = Tokens()
    kinds = out.kinds
    values = out.values
    starts = out.starts
    ends = out.ends
    comments = out.comments
    diags = out.diagnostics
    kappend = kinds.append
    vappend = values.append
    sappend = starts.append
    eappend = ends.append
    finditer = _MASTER.finditer
    # Interpolation modes, innermost last: [dollars, brace_depth]; dollars 0 = single-line string.
    holes: list[list[int]] = []
    pos = 1 if text.startswith("\ufeff") else 0  # a byte order mark left in decoded text
    # finditer is the fast path. Where the text after a token is not code (the string piece after
    # a hole's closing brace, the body of a $-multi-line string, a directive's codes) that part is
    # lexed by hand and finditer restarts after it.
    # Match objects are read as m[n], not m.group(n): the method call costs more than the lookup.
    while True:
        for m in finditer(text, pos):
            g = m.lastindex
            if g == 6:
                val = m[6]
                kappend(val)
                vappend(val)
                end = m.end()
                sappend(end - len(val))
                eappend(end)
            elif g == 1:
                kappend(ID)
                val = m[1]
                vappend(val)
                end = m.end()
                sappend(end - len(val))
                eappend(end)
            elif g == 2:
                if kinds and kinds[-1] is NL:
                    ends[-1] = m.end()
                else:
                    end = m.end()
                    kappend(NL)
                    vappend("\n")
                    sappend(end - len(m[2]))
                    eappend(end)
            elif g == 4 or g == 5 or g == 3:
                start = m.start(3)
                end = m.end()
                if g == 4:
                    kind = STR
                elif g == 5:
                    kind = STR_L
                    holes.append([0, 0])
                else:
                    kind = STR
                    diags.append(Diagnostic(_UNTERMINATED_STRING, start, end))
                kappend(kind)
                vappend(text[start:end])
                sappend(start)
                eappend(end)
            elif g == 7:
                if holes:
                    holes[-1][1] += 1
                end = m.end()
                kappend("{")
                vappend("{")
                sappend(end - 1)
                eappend(end)
            elif g == 8:
                end = m.end()
                if holes:
                    if holes[-1][1] == 0:
                        pos = _close_hole(text, end - 1, holes, out)
                        break
                    holes[-1][1] -= 1
                kappend("}")
                vappend("}")
                sappend(end - 1)
                eappend(end)
            elif g == 9:
                val = m[9]
                end = m.end()
                kappend(INT)
                vappend(val)
                sappend(end - len(val))
                eappend(end)
            elif g == 10:
                comments.append(Comment(m.group(10), m.start(10), m.end()))
            elif g == 11:
                val = m.group(11)
                start = m.start(11)
                end = m.end()
                comments.append(Comment(val, start, end))
                if len(val) < 4 or not val.endswith("*/"):
                    diags.append(Diagnostic("unterminated comment: '/*' has no closing '*/'",
                                            start, end))
            elif g == 12:
                start = m.start(12)
                end = m.end()
                val = m.group(12)
                if len(val) < 6 or not val.endswith(_TRIPLE):
                    diags.append(Diagnostic(_UNTERMINATED_MULTILINE, start, end))
                kappend(MSTR)
                vappend(val)
                sappend(start)
                eappend(end)
            elif g == 13:
                if m.group(13).endswith(_TRIPLE):
                    pos = _open_multiline(text, m.start(13), m.end(), holes, out)
                    break
                # dollars without the quotes: each an unexpected character, as '.' reads them
                # (the run is matched whole; the pattern for the quotes alone rescanned it from
                # every dollar)
                for start in range(m.start(13), m.end()):
                    diags.append(Diagnostic("unexpected character '$'", start, start + 1))
                    kappend(ERR)
                    vappend("$")
                    sappend(start)
                    eappend(start + 1)
            elif g == 14:
                pos = _directive(text, m.start(14), m.end(), out)
                break
            elif g == 15:
                start = m.start(15)
                end = m.end()
                ch = m.group(15)
                if ch[0] == '"':
                    msg = f"unexpected {ch}: Bicep strings use single quotes ('...')"
                else:
                    msg = f"unexpected character {ch!r}"
                diags.append(Diagnostic(msg, start, end))
                kappend(ERR)
                vappend(ch)
                sappend(start)
                eappend(end)
            else:  # 16: end of text
                end = m.end()
                kappend(EOF)
                vappend("")
                sappend(end)
                eappend(end)
                return out


def _close_hole(text: str, start: int, holes: list[list[int]], out: Tokens) -> int:
    """Lex the string piece that starts at the `}` closing an interpolation hole."""
    dollars = holes[-1][0]
    if dollars == 0:
        m = _STR_CONT.match(text, start)
        end = m.end()
        if m.lastindex == 2:
            kind = STR_M
        else:
            kind = STR_R
            holes.pop()
            if m.lastindex is None:
                out.diagnostics.append(Diagnostic(_UNTERMINATED_STRING, start, end))
    else:
        end, closed = _scan_multiline_body(text, start + 1, dollars, out)
        if closed:
            kind = MSTR_R
            holes.pop()
        else:
            kind = MSTR_M
    out.kinds.append(kind)
    out.values.append(text[start:end])
    out.starts.append(start)
    out.ends.append(end)
    return end


def _scan_multiline_body(text: str, pos: int, dollars: int, out: Tokens) -> tuple[int, bool]:
    """Scan multi-line string text from pos; returns (end, closed): closed if `'''` ended it."""
    pattern = _HOLE_PATTERNS.get(dollars)
    if pattern is None:
        pattern = _HOLE_PATTERNS[dollars] = _multiline_hole_pattern(dollars)
    m = pattern.match(text, pos)
    if m.lastindex == 1:
        return m.end(), False
    if m.lastindex is None:
        out.diagnostics.append(Diagnostic(_UNTERMINATED_MULTILINE, pos, m.end()))
    return m.end(), True


def _open_multiline(text: str, start: int, pos: int, holes: list[list[int]], out: Tokens) -> int:
    """Lex from `$'''` (pos is just after the quotes) up to the first hole or the closing quotes."""
    dollars = pos - start - 3
    end, closed = _scan_multiline_body(text, pos, dollars, out)
    if closed:
        kind = MSTR
    else:
        kind = MSTR_L
        holes.append([dollars, 0])
    out.kinds.append(kind)
    out.values.append(text[start:end])
    out.starts.append(start)
    out.ends.append(end)
    return end


_DIRECTIVE_KINDS = {
    "#disable-next-line": "disable-next-line",
    "#disable-diagnostics": "disable-diagnostics",
    "#restore-diagnostics": "restore-diagnostics",
}


def _directive(text: str, start: int, pos: int, out: Tokens) -> int:
    """Record a diagnostics directive; it must be the first thing on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    keyword = text[start:pos]
    if text[line_start:start].strip(" \t"):
        out.diagnostics.append(Diagnostic(
            f"'{keyword}' must be the first thing on its line", start, pos))
        out.kinds.append(ERR)
        out.values.append(keyword)
        out.starts.append(start)
        out.ends.append(pos)
        return pos
    m = _DIRECTIVE_CODES.match(text, pos)
    end = m.end()
    codes = m.group().split()
    if not codes:
        out.diagnostics.append(Diagnostic(
            f"'{keyword}' needs at least one diagnostic code, e.g. '{keyword} BCP081'",
            start, end))
    out.directives.append(Directive(_DIRECTIVE_KINDS[keyword], codes, start, end))
    return end
