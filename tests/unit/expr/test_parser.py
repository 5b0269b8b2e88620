"""ARM expression parser: every construct, and errors with the offset of the problem."""
import pytest

from armlint.expr import parser
from armlint.expr.ast import Call, Index, Literal, Member, canonical, function_names


def test_is_expression_and_literal_escape():
    assert parser.is_expression("[parameters('a')]")
    assert not parser.is_expression("[[literal]")
    assert not parser.is_expression("[not closed")
    assert not parser.is_expression("text [x]")
    assert parser.unescape_literal("[[test value]") == "[test value]"
    assert parser.unescape_literal("[test] value") == "[test] value"


def test_nested_calls_members_and_indexes():
    tree = parser.parse("[concat(parameters('a').b[0], 'x''y', -3)]")
    assert isinstance(tree, Call) and tree.name == "concat"
    first = tree.args[0]
    assert isinstance(first, Index) and isinstance(first.target, Member)
    assert first.target.name == "b" and first.index.value == 0
    assert tree.args[1].value == "x'y"
    assert tree.args[2].value == -3
    assert canonical(tree) == "concat(parameters('a').b[0], 'x''y', -3)"


def test_user_function_namespace_and_whitespace_and_case():
    tree = parser.parse("[ myNs.fn( 'a' ,\n 1 ) ]")
    assert (tree.namespace, tree.name) == ("myNs", "fn")
    assert canonical(parser.parse("[CONCAT('A')]")) == "concat('A')"
    assert function_names(parser.parse("[if(equals(1,1), reference('x').id, null())]")) == \
        {"if", "equals", "reference", "null"}


def test_offsets_of_nodes():
    tree = parser.parse("[concat('ab', parameters('x'))]")
    assert (tree.start, tree.end) == (1, 30)
    assert isinstance(tree.args[0], Literal) and (tree.args[0].start, tree.args[0].end) == (8, 12)


@pytest.mark.parametrize("text, message, offset", [
    ("[]", "empty expression: expected a function call between '[' and ']'", 1),
    ("[concat('a', ]", "unexpected end of the expression: expected a value", 13),
    ("[concat('a' 'b')]", "expected ',' or ')' after an argument of 'concat', found a string", 12),
    ("[concat('a')", None, None),  # not an expression at all: no closing bracket
    ("[parameters('a'']", 'this string literal is never closed (missing "\'")', 15),
    ("[parameters]", "expected '(' after the function name 'parameters', found the end of the "
                     "expression", 11),
    ("[parameters('a').]", "expected a property name after '.', found the end of the expression", 17),
    ("[parameters('a')[0]", "expected ']' to close the index opened at column 17, found the end of "
                            "the expression", 18),
    ("[variables('a')[0 ]x]", "unexpected 'x' after the end of the expression", 19),
    ("[concat(\"a\")]", "unexpected '\"': string literals in expressions use single quotes", 8),
    ("[concat('a')) ]", "unexpected ')' after the end of the expression", 12),
    # the tokenizer tells a token's kind by its first character: a minus or a quote alone, or a
    # character no token starts with, is an error where it stands
    ("[add(1, - 2)]", "unexpected character '-' in the expression", 8),
    ("[concat('a',\t@)]", "unexpected character '@' in the expression", 13),
    ("[concat('it''s', ']", 'this string literal is never closed (missing "\'")', 17),
])
def test_syntax_errors(text, message, offset):
    if message is None:
        assert not parser.is_expression(text)
        return
    with pytest.raises(parser.ExpressionSyntaxError) as info:
        parser.parse(text)
    assert info.value.message.startswith(message)
    if offset is not None:
        assert info.value.offset == offset


def test_trees_from_bicep_lowering_never_replace_positioned_parses():
    text = "[toLower(parameters('rememberedName'))]"
    parser.remember(text, Call(0, 0, "toLower", (Call(0, 0, "parameters", (Literal(0, 0, "x"),)),)))
    assert parser.parse(text, positions=False).end == 0  # the evaluator may take the lowered tree
    tree = parser.parse(text)
    assert (tree.start, tree.end) == (1, len(text) - 1)


def test_nesting_beyond_the_limit_is_a_syntax_error_at_the_innermost_level():
    calls = parser.MAX_DEPTH - 1  # the innermost value is a level too
    ok = "[" + "concat(" * calls + "'a'" + ")" * calls + "]"
    assert parser.parse(ok).name == "concat"
    deep = "[" + "concat(" * (parser.MAX_DEPTH + 1) + "'a'" + ")" * (parser.MAX_DEPTH + 1) + "]"
    with pytest.raises(parser.ExpressionSyntaxError) as err:
        parser.parse(deep)
    assert "nests more than" in err.value.message and err.value.offset == 1 + 7 * parser.MAX_DEPTH


def test_a_cached_syntax_error_keeps_no_traceback():
    # every raise of one cached exception object would add its frames (and the models they
    # hold) to that object's traceback, for as long as the cache lives
    import gc

    from armlint.expr.parser import ExpressionSyntaxError, parse

    class Model:
        pass

    def lint_a_file(model):
        try:
            parse("[concat('a',]")
        except ExpressionSyntaxError as exc:
            return exc.message, exc.offset

    import weakref
    model = Model()
    ref = weakref.ref(model)
    first = lint_a_file(model)
    assert lint_a_file(Model()) == first
    del model
    gc.collect()
    assert ref() is None


def test_names_and_short_literals_are_one_string_however_many_trees_hold_them():
    a = parser._Parser("[resourceId('Microsoft.Network/networkInterfaces', 'nic1').id]").parse()
    b = parser._Parser("[resourceId('Microsoft.Network/networkInterfaces', 'nic2').id]").parse()
    assert a.target.name is b.target.name and a.name is b.name
    assert a.target.args[0].value is b.target.args[0].value
    long = "x" * (parser._INTERNED + 1)
    assert parser._Parser(f"[concat('{long}')]").parse().args[0].value == long
