"""Every template function against the ARM template functions reference.

Expected values come from the documented outputs of the reference's example templates
(https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-*, whose
templates are the docs-json-samples `azure-resource-manager/functions/*`), from the Bicep function
pages for functions documented there with outputs, and, where marked ENGINE, from values ARM's own
expression engine computed for the Bicep repository's parameter-file baseline
(Azure/bicep src/Bicep.Core.Samples/Files/baselines_bicepparam/Expressions/parameters.json).
"""
import pytest

from armlint.expr.evaluate import EvalContext, TemplateScope, evaluate_string, resolve
from armlint.expr.values import PartialString, ResourceIdValue, Unknown, literal_value


def ctx_of(template=None, values=None) -> EvalContext:
    return EvalContext(TemplateScope(literal_value(template) if template else None, None, values))


def ev(text, template=None, values=None):
    return evaluate_string(text, ctx_of(template, values))


def outputs(template) -> dict:
    """The value of every output of a template, as a deployment with default values gives it."""
    ctx = ctx_of(template)
    return {name: resolve(out["value"], None, ctx) for name, out in template["outputs"].items()}


def params(**defaults) -> dict:
    return {k: {"type": "object" if isinstance(v, dict) else "array" if isinstance(v, list)
                else "string" if isinstance(v, str) else "bool" if isinstance(v, bool) else "int",
                "defaultValue": v} for k, v in defaults.items()}


def is_unknown(value, kind=None) -> bool:
    return isinstance(value, Unknown) and (kind is None or value.kind == kind)


# Parameters without values: what a linter sees for values given only at deployment.
OPEN = {"parameters": {"s": {"type": "string"}, "a": {"type": "array"}, "o": {"type": "object"},
                       "i": {"type": "int"}, "b": {"type": "bool"}}}


# --- string functions: template-functions-string ---------------------------------------------

def test_base64_base64ToString_base64ToJson():
    # template-functions-string#base64 (string/base64.json)
    out = outputs({
        "parameters": params(stringData="one, two, three", jsonFormattedData="{'one': 'a', 'two': 'b'}"),
        "variables": {"base64String": "[base64(parameters('stringData'))]",
                      "base64Object": "[base64(parameters('jsonFormattedData'))]"},
        "outputs": {"base64Output": {"value": "[variables('base64String')]"},
                    "toStringOutput": {"value": "[base64ToString(variables('base64String'))]"},
                    "toJsonOutput": {"value": "[base64ToJson(variables('base64Object'))]"}}})
    assert out == {"base64Output": "b25lLCB0d28sIHRocmVl", "toStringOutput": "one, two, three",
                   "toJsonOutput": {"one": "a", "two": "b"}}


def test_concat_strings():
    # template-functions-string#concat: prefix-5yj4yjf5mbg72 (the suffix is uniqueString of the
    # deployment's resource group id, unknown before deployment)
    value = ev("[concat(parameters('prefix'), '-', uniqueString(resourceGroup().id))]",
               {"parameters": params(prefix="prefix")})
    assert isinstance(value, PartialString)
    assert value.parts[0] == "prefix-" and value.parts[1].text == "uniquestring(resourcegroup().id)"
    assert ev("[concat('vm-', 1)]") == "vm-1"


def test_contains_strings_objects_arrays():
    # template-functions-string#contains (array/contains.json): strings case-sensitive, object
    # keys case-insensitive
    out = outputs({
        "parameters": params(stringToTest="OneTwoThree", objectToTest={"one": "a", "two": "b", "three": "c"},
                             arrayToTest=["one", "two", "three"]),
        "outputs": {"stringTrue": {"value": "[contains(parameters('stringToTest'), 'e')]"},
                    "stringFalse": {"value": "[contains(parameters('stringToTest'), 'z')]"},
                    "objectTrue": {"value": "[contains(parameters('objectToTest'), 'one')]"},
                    "objectFalse": {"value": "[contains(parameters('objectToTest'), 'a')]"},
                    "arrayTrue": {"value": "[contains(parameters('arrayToTest'), 'three')]"},
                    "arrayFalse": {"value": "[contains(parameters('arrayToTest'), 'four')]"}}})
    assert out == {"stringTrue": True, "stringFalse": False, "objectTrue": True,
                   "objectFalse": False, "arrayTrue": True, "arrayFalse": False}
    assert ev("[contains('OneTwoThree', 'one')]") is False
    assert ev("[contains(createObject('one', 'a'), 'ONE')]") is True
    assert ev("[contains(createArray('one'), 'One')]") is False


def test_dataUri_dataUriToString():
    # template-functions-string#datauri (string/datauri.json)
    assert ev("[dataUri('Hello')]") == "data:text/plain;charset=utf8;base64,SGVsbG8="
    assert ev("[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]") == "Hello, World!"


def test_empty():
    # template-functions-string#empty (array/empty.json)
    assert ev("[empty(createArray())]") is True
    assert ev("[empty(createObject())]") is True
    assert ev("[empty('')]") is True
    assert ev("[empty('a')]") is False


def test_startsWith_endsWith_ignore_case():
    # template-functions-string#startswith (string/startsendswith.json)
    assert ev("[startsWith('abcdef', 'ab')]") is True
    assert ev("[startsWith('abcdef', 'A')]") is True
    assert ev("[startsWith('abcdef', 'e')]") is False
    assert ev("[endsWith('abcdef', 'ef')]") is True
    assert ev("[endsWith('abcdef', 'F')]") is True
    assert ev("[endsWith('abcdef', 'e')]") is False


def test_first_last():
    # template-functions-string#first, #last (array/first.json, array/last.json)
    tpl = {"parameters": params(arrayToTest=["one", "two", "three"])}
    assert ev("[first(parameters('arrayToTest'))]", tpl) == "one"
    assert ev("[first('One Two Three')]") == "O"
    assert ev("[last(parameters('arrayToTest'))]", tpl) == "three"
    assert ev("[last('One Two Three')]") == "e"


def test_format_dotnet_composite_formatting():
    # template-functions-string#format (string/format.json)
    assert ev("[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]") == \
        "Hello, User. Formatted number: 8,175,133"
    # Bicep emits '{${a}{0}${b}}' as this (bicep baselines Variables_LF/main.json)
    assert ev("[format('{{{0}{{0}}{1}}}', 123, true())]") == "{123{0}True}"
    # ENGINE: format('->{0}<-', 123)
    assert ev("[format('->{0}<-', 123)]") == "->123<-"
    # bicep-functions-string#format: an object argument
    assert ev("[format('objectToFormat: {0}', createObject('prop', 'value'))]") == \
        "objectToFormat: {'prop':'value'}"
    # .NET standard numeric formats (System.String.Format, invariant culture)
    assert ev("[format('{0:D3}', 7)]") == "007"
    assert ev("[format('{0:N2}', 1234)]") == "1,234.00"
    assert ev("[format('{0:X}', 255)]") == "FF"
    assert ev("[format('{0,5}|{1,-3}|', 'ab', 'c')]") == "   ab|c  |"
    assert is_unknown(ev("[format('{1}', 'a')]"))  # index out of range: .NET FormatException
    assert is_unknown(ev("[format('a } b', 'a')]"))  # a lone brace: .NET FormatException


def test_guid():
    # template-functions-string#guid: 36 characters, the same for the same arguments, and
    # argument order matters (bicep-functions-string#guid)
    value = ev("[guid('hello', 'world')]")
    assert len(value) == 36 and value == ev("[guid('hello', 'world')]")
    assert value != ev("[guid('world', 'hello')]")
    # ENGINE: guid('asdf')
    assert ev("[guid('asdf')]") == "228d27cc-6fdb-5934-b7ac-1efccebade04"
    # Two independent reimplementations (uuid5, namespace 11fb06fb-..., '-' join) agree on these
    assert value == "a5b868f8-11fe-567a-ace0-e77cc87f104e"
    assert ev("[guid('world', 'hello')]") == "b1db13b3-4ca6-5782-bf9e-8495c3532f9d"
    # template-functions-string#guid examples: scoped to the deployment, so unknown here
    unknown = ev("[guid(resourceGroup().id, deployment().name)]")
    assert is_unknown(unknown, "string")
    assert unknown.text == "guid(resourcegroup().id, deployment().name)"


def test_indexOf_lastIndexOf_strings_ignore_case():
    # template-functions-string#indexof (string/indexof.json)
    assert ev("[indexOf('test', 't')]") == 0
    assert ev("[lastIndexOf('test', 't')]") == 3
    assert ev("[indexOf('abcdef', 'CD')]") == 2
    assert ev("[lastIndexOf('abcdef', 'AB')]") == 0
    assert ev("[indexOf('abcdef', 'z')]") == -1
    # ENGINE: lastIndexOf('abcba', 'b'), indexOf('abc', 'b')
    assert ev("[lastIndexOf('abcba', 'b')]") == 3
    assert ev("[indexOf('abc', 'b')]") == 1


def test_join():
    # template-functions-string#join (string/join.json)
    tpl = {"variables": {"arrayString": ["one", "two", "three"]}}
    assert ev("[join(variables('arrayString'), ',')]", tpl) == "one,two,three"
    assert ev("[join(variables('arrayString'), ';')]", tpl) == "one;two;three"


def test_length():
    # template-functions-string#length (array/length.json)
    out = outputs({
        "parameters": params(arrayToTest=["one", "two", "three"], stringToTest="One Two Three",
                             objectToTest={"propA": "one", "propB": "two", "propC": "three",
                                           "propD": {"propD-1": "sub", "propD-2": "sub"}}),
        "outputs": {"arrayLength": {"value": "[length(parameters('arrayToTest'))]"},
                    "stringLength": {"value": "[length(parameters('stringToTest'))]"},
                    "objectLength": {"value": "[length(parameters('objectToTest'))]"}}})
    assert out == {"arrayLength": 3, "stringLength": 13, "objectLength": 4}


def test_newGuid_is_unknown():
    # template-functions-string#newguid: different for each deployment
    assert is_unknown(ev("[newGuid()]"), "string")
    value = ev("[parameters('guidValue')]", {"parameters": {"guidValue": {
        "type": "string", "defaultValue": "[newGuid()]"}}})
    assert is_unknown(value)


def test_padLeft():
    # template-functions-string#padleft (string/padleft.json)
    assert ev("[padLeft('123', 10, '0')]") == "0000000123"
    # ENGINE: padLeft(13, 5)
    assert ev("[padLeft(13, 5)]") == "   13"
    assert ev("[padLeft('abcdef', 3)]") == "abcdef"


def test_replace():
    # template-functions-string#replace (string/replace.json)
    assert ev("[replace('123-123-1234', '-', '')]") == "1231231234"
    assert ev("[replace('123-123-1234', '1234', 'xxxx')]") == "123-123-xxxx"
    assert ev("[replace('aA', 'a', 'b')]") == "bA"  # case-sensitive


def test_skip_take():
    # template-functions-string#skip, #take (array/skip.json, array/take.json)
    tpl = {"parameters": params(testArray=["one", "two", "three"])}
    assert ev("[skip(parameters('testArray'), 2)]", tpl) == ["three"]
    assert ev("[skip('one two three', 4)]") == "two three"
    assert ev("[take(parameters('testArray'), 2)]", tpl) == ["one", "two"]
    assert ev("[take('one two three', 2)]") == "on"
    assert ev("[take('abc', -1)]") == "" and ev("[skip('abc', -1)]") == "abc"
    assert ev("[skip('abc', 9)]") == "" and ev("[take('abc', 9)]") == "abc"


def test_split():
    # template-functions-string#split (string/split.json)
    assert ev("[split('one,two,three', ',')]") == ["one", "two", "three"]
    assert ev("[split('one;two,three', createArray(',', ';'))]") == ["one", "two", "three"]


def test_string_renders_as_arm():
    # template-functions-string#string (string/string.json)
    out = outputs({
        "parameters": params(testObject={"valueA": 10, "valueB": "Example Text"},
                             testArray=["a", "b", "c"], testInt=5),
        "outputs": {"objectOutput": {"value": "[string(parameters('testObject'))]"},
                    "arrayOutput": {"value": "[string(parameters('testArray'))]"},
                    "intOutput": {"value": "[string(parameters('testInt'))]"}}})
    assert out == {"objectOutput": '{"valueA":10,"valueB":"Example Text"}',
                   "arrayOutput": '["a","b","c"]', "intOutput": "5"}
    # bicep-functions-string#string: strings as they are, JSON escaping inside containers
    assert ev("[string(createArray('''a''', '\"b\"', '\\c\\'))]") == '["\'a\'","\\"b\\"","\\\\c\\\\"]'
    assert ev("[string('foo \" '' \\')]") == "foo \" ' \\"
    # Booleans as .NET writes them: ARM looks up variables('lookup')[string(empty(''))] as 'True'
    # (Azure/PSRule.Rules.Azure#794, checked against ARM)
    assert ev("[string(true())]") == "True" and ev("[string(false())]") == "False"
    assert ev("[string(createObject('a', true()))]") == '{"a":true}'


def test_substring():
    # template-functions-string#substring (string/substring.json)
    assert ev("[substring('one two three', 4, 3)]") == "two"
    assert ev("[substring('asdfasf', 3)]") == "fasf"  # ENGINE
    # "fails when the substring extends beyond the end of the string"
    assert is_unknown(ev("[substring('1234567890', 0, 11)]"))


def test_toLower_toUpper_trim():
    # template-functions-string#tolower, #toupper, #trim
    assert ev("[toLower('One Two Three')]") == "one two three"
    assert ev("[toUpper('One Two Three')]") == "ONE TWO THREE"
    assert ev("[trim('    one two three   ')]") == "one two three"


def test_uniqueString():
    # template-functions-string#uniquestring: 13 characters; ENGINE: uniqueString('asd', 'asdf', 'asdf')
    assert ev("[uniqueString('asd', 'asdf', 'asdf')]") == "iizpqit7ih3cc"
    assert len(ev("[uniqueString('x')]")) == 13
    assert is_unknown(ev("[uniqueString(resourceGroup().id)]"), "string")
    # a resourceId() with deployment placeholders is not hashed as if it were known text
    assert is_unknown(ev("[uniqueString(resourceId('Microsoft.Storage/storageAccounts', 'st'))]"))


def test_uri_uriComponent_uriComponentToString():
    # template-functions-string#uri (string/uri.json) and the trailing-slash rules
    assert ev("[uri('http://contoso.com/resources/', 'nested/azuredeploy.json')]") == \
        "http://contoso.com/resources/nested/azuredeploy.json"
    assert ev("[uri('http://contoso.org/firstpath', 'myscript.sh')]") == "http://contoso.org/myscript.sh"
    assert ev("[uri('http://contoso.org/firstpath/', 'myscript.sh')]") == \
        "http://contoso.org/firstpath/myscript.sh"
    assert ev("[uri('http://contoso.org/firstpath/azuredeploy.json', 'myscript.sh')]") == \
        "http://contoso.org/firstpath/myscript.sh"
    assert ev("[uri('http://contoso.org/firstpath/azuredeploy.json/', 'myscript.sh')]") == \
        "http://contoso.org/firstpath/azuredeploy.json/myscript.sh"
    assert ev("[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]") == \
        "http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json"
    assert ev("[uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')]") \
        == "http://contoso.com/resources/nested/azuredeploy.json"
    # ENGINE
    assert ev("[uri('https://github.com', 'Azure/bicep')]") == "https://github.com/Azure/bicep"
    assert ev("[uriComponent('UB*8h 0+=_)9h9n')]") == "UB%2A8h%200%2B%3D_%299h9n"
    assert ev("[uriComponentToString('%20%25%20')]") == " % "


# --- array functions: template-functions-array -----------------------------------------------

def test_array():
    # template-functions-array#array (array/array.json)
    assert ev("[array(1)]") == [1]
    assert ev("[array('efgh')]") == ["efgh"]
    assert ev("[array(createObject('a', 'b', 'c', 'd'))]") == [{"a": "b", "c": "d"}]


def test_concat_arrays():
    # template-functions-array#concat (array/concat-array.json)
    tpl = {"parameters": params(firstArray=["1-1", "1-2", "1-3"], secondArray=["2-1", "2-2", "2-3"])}
    assert ev("[concat(parameters('firstArray'), parameters('secondArray'))]", tpl) == \
        ["1-1", "1-2", "1-3", "2-1", "2-2", "2-3"]
    assert is_unknown(ev("[concat(createArray('a'), 'b')]"))  # arrays only with arrays


def test_createArray():
    # template-functions-array#createarray (array/createarray.json)
    assert ev("[createArray('a', 'b', 'c')]") == ["a", "b", "c"]
    assert ev("[createArray(1, 2, 3)]") == [1, 2, 3]
    assert ev("[createArray(createObject('one', 'a'))]") == [{"one": "a"}]
    assert ev("[createArray(createArray('one', 'two'))]") == [["one", "two"]]
    assert ev("[createArray()]") == []


def test_flatten():
    # ENGINE: flatten([['abc'], ['def']]); bicep-functions-array#flatten
    assert ev("[flatten(createArray(createArray('abc'), createArray('def')))]") == ["abc", "def"]


def test_indexFromEnd_tryIndexFromEnd():
    # template-functions-array#indexfromend, #tryindexfromend
    tpl = {"variables": {"items": ["apple", "banana", "orange", "grape"]}}
    assert ev("[indexFromEnd(variables('items'), 2)]", tpl) == "orange"
    assert ev("[tryIndexFromEnd(variables('items'), 2)]", tpl) == "orange"
    assert ev("[tryIndexFromEnd(variables('items'), 5)]", tpl) is None
    assert is_unknown(ev("[indexFromEnd(variables('items'), 5)]", tpl))


def test_indexOf_lastIndexOf_arrays_are_case_sensitive():
    # template-functions-array#indexof
    tpl = {"variables": {"names": ["one", "two", "three"], "numbers": [4, 5, 6],
                         "collection": ["[variables('names')]", "[variables('numbers')]"],
                         "duplicates": [1, 2, 3, 1]}}
    assert ev("[lastIndexOf(variables('names'), 'two')]", tpl) == 1
    assert ev("[indexOf(variables('names'), 'one')]", tpl) == 0
    assert ev("[lastIndexOf(variables('names'), 'Three')]", tpl) == -1
    assert ev("[lastIndexOf(variables('numbers'), 4)]", tpl) == 0
    assert ev("[indexOf(variables('numbers'), 6)]", tpl) == 2
    assert ev("[lastIndexOf(variables('numbers'), '5')]", tpl) == -1
    assert ev("[indexOf(variables('collection'), variables('numbers'))]", tpl) == 1
    assert ev("[indexOf(variables('duplicates'), 1)]", tpl) == 0
    assert ev("[lastIndexOf(variables('duplicates'), 1)]", tpl) == 3


def test_intersection():
    # template-functions-array#intersection (array/intersection.json)
    tpl = {"parameters": params(firstObject={"one": "a", "two": "b", "three": "c"},
                                secondObject={"one": "a", "two": "z", "three": "c"},
                                firstArray=["one", "two", "three"], secondArray=["two", "three"])}
    assert ev("[intersection(parameters('firstObject'), parameters('secondObject'))]", tpl) == \
        {"one": "a", "three": "c"}
    assert ev("[intersection(parameters('firstArray'), parameters('secondArray'))]", tpl) == \
        ["two", "three"]


def test_max_min():
    # template-functions-array#max, #min (numeric/max.json, numeric/min.json)
    tpl = {"parameters": params(arrayToTest=[0, 3, 2, 5, 4])}
    assert ev("[max(parameters('arrayToTest'))]", tpl) == 5
    assert ev("[max(0,3,2,5,4)]") == 5
    assert ev("[min(parameters('arrayToTest'))]", tpl) == 0
    assert ev("[min(0,3,2,5,4)]") == 0


def test_range():
    # template-functions-array#range (array/range.json)
    assert ev("[range(5, 3)]") == [5, 6, 7]
    assert is_unknown(ev("[range(0, 10001)]"))  # count up to 10000


def test_tryGet():
    # template-functions-array#tryget (the table's 'Red' misspells the template's 'red')
    tpl = {"variables": {"users": {"name": "John Doe", "age": 30}, "colors": ["red", "green"]}}
    assert ev("[tryGet(variables('users'), 'region')]", tpl) is None
    assert ev("[tryGet(variables('users'), 'name')]", tpl) == "John Doe"
    assert ev("[tryGet(variables('colors'), 0)]", tpl) == "red"
    assert ev("[tryGet(variables('colors'), 5)]", tpl) is None


def test_union_arrays_and_objects_deep_merge():
    # template-functions-array#union (array/union.json)
    tpl = {"parameters": params(firstObject={"one": "a", "two": "b", "three": "c1"},
                                secondObject={"three": "c2", "four": "d", "five": "e"},
                                firstArray=["one", "two", "three"], secondArray=["three", "four"])}
    assert ev("[union(parameters('firstObject'), parameters('secondObject'))]", tpl) == \
        {"one": "a", "two": "b", "three": "c2", "four": "d", "five": "e"}
    assert ev("[union(parameters('firstArray'), parameters('secondArray'))]", tpl) == \
        ["one", "two", "three", "four"]
    # template-functions-object#union: nested objects merge, nested arrays don't
    deep = {"variables": {
        "firstObject": {"property": {"one": "a", "two": "b", "three": "c1"}, "nestedArray": [1, 2]},
        "secondObject": {"property": {"three": "c2", "four": "d", "five": "e"}, "nestedArray": [3, 4]},
        "firstArray": [["one", "two"], ["three"]], "secondArray": [["three"], ["four", "two"]]}}
    assert ev("[union(variables('firstObject'), variables('secondObject'))]", deep) == \
        {"property": {"one": "a", "two": "b", "three": "c2", "four": "d", "five": "e"},
         "nestedArray": [3, 4]}
    assert ev("[union(variables('firstArray'), variables('secondArray'))]", deep) == \
        [["one", "two"], ["three"], ["four", "two"]]


# --- object functions: template-functions-object ---------------------------------------------

def test_createObject():
    # template-functions-object#createobject (object/createobject.json)
    assert ev("[createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true(), "
              "'arrayProp', createArray('a', 'b', 'c'), 'objectProp', createObject('key1', 'value1'))]") \
        == {"intProp": 1, "stringProp": "abc", "boolProp": True, "arrayProp": ["a", "b", "c"],
            "objectProp": {"key1": "value1"}}
    assert is_unknown(ev("[createObject('a')]"))  # an even number of arguments


def test_items_sorted_by_key():
    # template-functions-object#items: entities declared item002 then item001
    entities = {"item002": {"enabled": False, "displayName": "Example item 2", "number": 200},
                "item001": {"enabled": True, "displayName": "Example item 1", "number": 300}}
    tpl = {"variables": {"entities": entities, "copy": [{
        "name": "modifiedListOfEntities", "count": "[length(items(variables('entities')))]",
        "input": {
            "key": "[items(variables('entities'))[copyIndex('modifiedListOfEntities')].key]",
            "fullName": "[items(variables('entities'))[copyIndex('modifiedListOfEntities')].value.displayName]",
            "itemEnabled": "[items(variables('entities'))[copyIndex('modifiedListOfEntities')].value.enabled]"}}]}}
    assert ev("[items(variables('entities'))]", tpl) == [
        {"key": "item001", "value": entities["item001"]},
        {"key": "item002", "value": entities["item002"]}]
    assert ev("[variables('modifiedListOfEntities')]", tpl) == [
        {"fullName": "Example item 1", "itemEnabled": True, "key": "item001"},
        {"fullName": "Example item 2", "itemEnabled": False, "key": "item002"}]
    # ENGINE: items({ foo: 'abc', bar: 123 })
    assert ev("[items(createObject('foo', 'abc', 'bar', 123))]") == \
        [{"key": "bar", "value": 123}, {"key": "foo", "value": "abc"}]


def test_json():
    # template-functions-object#json (object/json.json)
    out = outputs({
        "parameters": params(jsonEmptyObject="null", jsonObject='{"a": "b"}', jsonString='"test"',
                             jsonBoolean="true", jsonInt="3", jsonArray="[[1,2,3 ]",
                             concatValue="demo value"),
        "outputs": {
            "emptyObjectOutput": {"value": "[empty(json(parameters('jsonEmptyObject')))]"},
            "objectOutput": {"value": "[json(parameters('jsonObject'))]"},
            "stringOutput": {"value": "[json(parameters('jsonString'))]"},
            "booleanOutput": {"value": "[json(parameters('jsonBoolean'))]"},
            "intOutput": {"value": "[json(parameters('jsonInt'))]"},
            "arrayOutput": {"value": "[json(parameters('jsonArray'))]"},
            "concatObjectOutput": {"value": "[json(concat('{\"a\": \"', parameters('concatValue'), '\"}'))]"}}})
    assert out == {"emptyObjectOutput": True, "objectOutput": {"a": "b"}, "stringOutput": "test",
                   "booleanOutput": True, "intOutput": 3, "arrayOutput": [1, 2, 3],
                   "concatObjectOutput": {"a": "demo value"}}
    # template-functions-logical#if: json('null') is null
    assert ev("[json('null')]") is None


def test_null_and_objectKeys():
    # template-functions-object#null, #objectkeys
    assert ev("[empty(null())]") is True
    assert ev("[objectKeys(createObject('a', 1, 'b', 2))]") == ["a", "b"]


def test_shallowMerge():
    # template-functions-object#shallowmerge
    tpl = {"variables": {
        "firstArray": [{"one": "a"}, {"two": "b"}, {"two": "c"}],
        "secondArray": [{"one": "a", "nested": {"a": 1, "nested": {"c": 3}}},
                        {"two": "b", "nested": {"b": 2}}]}}
    assert ev("[shallowMerge(variables('firstArray'))]", tpl) == {"one": "a", "two": "c"}
    assert ev("[shallowMerge(variables('secondArray'))]", tpl) == \
        {"one": "a", "nested": {"b": 2}, "two": "b"}


# --- comparison functions: template-functions-comparison -------------------------------------

def test_coalesce():
    # template-functions-comparison#coalesce (comparison/coalesce.json)
    obj = {"null1": None, "null2": None, "string": "default", "int": 1,
           "object": {"first": "default"}, "array": [1]}
    tpl = {"parameters": params(objectToTest=obj)}
    p = "parameters('objectToTest')"
    assert ev(f"[coalesce({p}.null1, {p}.null2, {p}.string)]", tpl) == "default"
    assert ev(f"[coalesce({p}.null1, {p}.null2, {p}.int)]", tpl) == 1
    assert ev(f"[coalesce({p}.null1, {p}.null2, {p}.object)]", tpl) == {"first": "default"}
    assert ev(f"[coalesce({p}.null1, {p}.null2, {p}.array)]", tpl) == [1]
    assert ev(f"[empty(coalesce({p}.null1, {p}.null2))]", tpl) is True
    # "Empty strings, empty arrays, and empty objects are not null"
    assert ev("[coalesce('', 'a')]") == ""


def test_equals():
    # template-functions-comparison#equals (comparison/equals.json, not-equals.json)
    assert ev("[equals(1, 1)]") is True
    assert ev("[equals('a', 'a')]") is True
    assert ev("[equals(createArray('a', 'b'), createArray('a', 'b'))]") is True
    assert ev("[equals(createObject('a', 'b'), createObject('a', 'b'))]") is True
    assert ev("[not(equals(1, 2))]") is True
    # bicep operators-comparison#equals: array order matters, object property order doesn't
    assert ev("[equals(createArray(3, 2, 1), createArray(1, 2, 3))]") is False
    assert ev("[equals(createObject('p1', 'v1', 'p2', 'v2'), createObject('p2', 'v2', 'p1', 'v1'))]") is True


def test_equals_is_case_sensitive():
    # Bicep compiles its case-insensitive `=~` to equals(toLower(a), toLower(b)) (Azure/bicep
    # ExpressionConverter), so equals() itself compares strings case-sensitively.
    assert ev("[equals('demo', 'Demo')]") is False
    assert ev("[equals(toLower('demo'), toLower('DEMO'))]") is True


def test_greater_less_and_or_equals():
    # template-functions-comparison#greater etc. (comparison/*.json): ints 1 vs 2, strings 'A' vs 'a'
    assert ev("[greater(1, 2)]") is False and ev("[greater('A', 'a')]") is True
    assert ev("[greaterOrEquals(1, 2)]") is False and ev("[greaterOrEquals('A', 'a')]") is True
    assert ev("[less(1, 2)]") is True and ev("[less('A', 'a')]") is False
    assert ev("[lessOrEquals(1, 2)]") is True and ev("[lessOrEquals('A', 'a')]") is False
    # bicep operators-comparison: 'bend' > 'band'; 'demo' < 'Demo' ("lowercase letters are less
    # than uppercase letters"); 'A' >= 'A'
    assert ev("[greater('bend', 'band')]") is True
    assert ev("[less('demo', 'Demo')]") is True
    assert ev("[greaterOrEquals('A', 'A')]") is True
    assert is_unknown(ev("[less(1, 'a')]"))


# --- logical functions: template-functions-logical -------------------------------------------

def test_and_or_not_bool_true_false():
    # template-functions-logical (logical/andornot.json, bool.json, true.json, false.json)
    assert ev("[and(bool('true'), bool('false'))]") is False
    assert ev("[or(bool('true'), bool('false'))]") is True
    assert ev("[not(bool('true'))]") is False
    assert ev("[bool('true')]") is True and ev("[bool('false')]") is False
    assert ev("[bool(1)]") is True and ev("[bool(0)]") is False
    assert ev("[true()]") is True and ev("[false()]") is False


def test_if_is_lazy():
    # template-functions-logical#if (logical/if.json): "only the true value is evaluated"
    assert ev("[if(equals('a', 'a'), 'yes', 'no')]") == "yes"
    assert ev("[if(equals('a', 'b'), 'yes', 'no')]") == "no"
    assert ev("[if(equals('a', 'a'), json('{\"test\": \"value1\"}'), json('null'))]") == {"test": "value1"}
    assert ev("[if(true(), 1, div(1, 0))]") == 1
    assert ev("[if(false(), div(1, 0), 2)]") == 2
    assert ev("[if('true', 'y', 'n')]") == "y"  # "true"/"false" strings count as booleans


# --- numeric functions: template-functions-numeric -------------------------------------------

def test_numeric():
    # template-functions-numeric (numeric/*.json)
    assert ev("[add(5, 3)]") == 8
    assert ev("[div(8, 3)]") == 2
    assert ev("[mod(7, 3)]") == 1
    assert ev("[mul(mul(5, 3), 3)]") == 45
    assert ev("[sub(7, 3)]") == 4
    assert ev("[int('4')]") == 4
    assert ev("[float('3.0')]") == 3.0 and ev("[float(3)]") == 3.0
    assert ev("[max(1, 2, 3)]") == 3 and ev("[min(1, 2, 3)]") == 1  # ENGINE
    # integer division and remainder truncate toward zero, as .NET does
    assert ev("[div(-7, 2)]") == -3 and ev("[mod(-7, 3)]") == -1
    assert is_unknown(ev("[div(1, 0)]"))  # "Cannot be 0"


def test_copyIndex():
    # template-functions-numeric#copyindex and copy-variables
    tpl = {"variables": {"copy": [{"name": "disks", "count": 3,
                                   "input": "[concat('disk-', copyIndex('disks', 1))]"}]}}
    assert ev("[variables('disks')]", tpl) == ["disk-1", "disk-2", "disk-3"]
    assert is_unknown(ev("[copyIndex()]"), "int")  # outside a loop it depends on the loop


# --- lambda functions: template-functions-lambda ---------------------------------------------

DOGS = [{"name": "Evie", "age": 5, "interests": ["Ball", "Frisbee"]},
        {"name": "Casper", "age": 3, "interests": ["Other dogs"]},
        {"name": "Indy", "age": 2, "interests": ["Butter"]},
        {"name": "Kira", "age": 8, "interests": ["Rubs"]}]
DOG_TPL = {"variables": {"dogs": DOGS,
                         "ages": "[map(variables('dogs'), lambda('dog', lambdaVariables('dog').age))]"}}


def test_filter():
    # template-functions-lambda#filter
    assert ev("[filter(variables('dogs'), lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 5)))]",
              DOG_TPL) == [DOGS[0], DOGS[3]]
    assert ev("[filter(range(0, 10), lambda('i', greater(lambdaVariables('i'), 5)))]") == [6, 7, 8, 9]
    assert ev("[filter(range(0, 10), lambda('i', equals(0, mod(lambdaVariables('i'), 2))))]") == [0, 2, 4, 6, 8]
    # bicep-functions-lambda#filter: the index as second lambda variable
    assert ev("[filter(variables('dogs'), lambda('val', 'i', and(less(lambdaVariables('i'), 2), "
              "equals(substring(lambdaVariables('val').name, 0, 1), 'C'))))]", DOG_TPL) == [DOGS[1]]


def test_groupBy():
    # bicep-functions-lambda#groupby
    assert ev("[groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))]") \
        == {"f": ["foo"], "b": ["bar", "baz"]}


def test_map_and_lambdaVariables():
    # template-functions-lambda#map
    assert ev("[map(variables('dogs'), lambda('dog', lambdaVariables('dog').name))]", DOG_TPL) == \
        ["Evie", "Casper", "Indy", "Kira"]
    assert ev("[map(variables('dogs'), lambda('dog', format('Hello {0}!', lambdaVariables('dog').name)))]",
              DOG_TPL) == ["Hello Evie!", "Hello Casper!", "Hello Indy!", "Hello Kira!"]
    assert ev("[map(range(0, length(variables('dogs'))), lambda('i', createObject('i', lambdaVariables('i'), "
              "'dog', variables('dogs')[lambdaVariables('i')].name, 'greeting', "
              "format('Ahoy, {0}!', variables('dogs')[lambdaVariables('i')].name))))]", DOG_TPL)[3] == \
        {"i": 3, "dog": "Kira", "greeting": "Ahoy, Kira!"}
    # bicep-functions-lambda#map: the index as second lambda variable
    assert ev("[map(variables('dogs'), lambda('x', 'i', createObject('index', lambdaVariables('i'), "
              "'val', lambdaVariables('x').name)))]", DOG_TPL)[1] == {"index": 1, "val": "Casper"}
    assert is_unknown(ev("[lambdaVariables('x')]"))  # outside a lambda


def test_mapValues():
    # bicep-functions-lambda#mapvalues
    assert ev("[mapValues(createObject('foo', 'foo', 'bar', 'bar'), lambda('val', toUpper(lambdaVariables('val'))))]") \
        == {"foo": "FOO", "bar": "BAR"}


def test_reduce():
    # template-functions-lambda#reduce
    add = "lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next')))"
    assert ev(f"[reduce(variables('ages'), 0, {add})]", DOG_TPL) == 18
    assert ev(f"[reduce(variables('ages'), 1, {add})]", DOG_TPL) == 19
    assert ev("[reduce(createArray(createObject('foo', 123), createObject('bar', 456), createObject('baz', 789)), "
              "createObject(), lambda('cur', 'next', union(lambdaVariables('cur'), lambdaVariables('next'))))]") \
        == {"foo": 123, "bar": 456, "baz": 789}
    # bicep-functions-lambda#reduce: oddAge, with the index as third lambda variable
    assert ev("[reduce(variables('ages'), 0, lambda('cur', 'next', 'i', if(equals(mod(lambdaVariables('i'), 2), 0), "
              "add(lambdaVariables('cur'), lambdaVariables('next')), lambdaVariables('cur'))))]", DOG_TPL) == 7
    # ENGINE: reduce(['a', 'b', 'c'], '', (a, b) => '${a}-${b}')
    assert ev("[reduce(createArray('a', 'b', 'c'), '', lambda('a', 'b', format('{0}-{1}', "
              "lambdaVariables('a'), lambdaVariables('b'))))]") == "-a-b-c"


def test_sort():
    # template-functions-lambda#sort
    assert ev("[sort(variables('dogs'), lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))]",
              DOG_TPL) == [DOGS[2], DOGS[1], DOGS[0], DOGS[3]]
    # ENGINE: sort(['c', 'd', 'a'], (a, b) => a < b)
    assert ev("[sort(createArray('c', 'd', 'a'), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]") \
        == ["a", "c", "d"]


def test_toObject():
    # template-functions-lambda#toobject
    by_name = ev("[toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name))]", DOG_TPL)
    assert by_name == {d["name"]: d for d in DOGS}
    assert ev("[toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name), "
              "lambda('entry', lambdaVariables('entry').age))]", DOG_TPL) == \
        {"Evie": 5, "Casper": 3, "Indy": 2, "Kira": 8}
    # ENGINE: toObject(['a', 'b', 'c'], x => x, x => 'Hi ${x}!')
    assert ev("[toObject(createArray('a', 'b', 'c'), lambda('x', lambdaVariables('x')), "
              "lambda('x', format('Hi {0}!', lambdaVariables('x'))))]") == \
        {"a": "Hi a!", "b": "Hi b!", "c": "Hi c!"}


# --- date functions: template-functions-date -------------------------------------------------

def test_dateTimeAdd():
    # template-functions-date#datetimeadd: base 2020-04-07 14:53:14Z (the table shows the
    # values in the portal's display format)
    base = "'2020-04-07 14:53:14Z'"
    assert ev(f"[dateTimeAdd({base}, 'P3Y')]") == "2023-04-07T14:53:14Z"
    assert ev(f"[dateTimeAdd({base}, '-P9D')]") == "2020-03-29T14:53:14Z"
    assert ev(f"[dateTimeAdd({base}, 'PT1H')]") == "2020-04-07T15:53:14Z"
    # bicep-functions-date#datetimeadd remarks: a month is not a calendar month
    assert ev("[dateTimeAdd('2023-01-31 00:00:00Z', 'P1M')]") == "2023-03-02T00:00:00Z"
    assert ev("[dateTimeAdd('2024-01-31 00:00:00Z', 'P1M')]") == "2024-03-01T00:00:00Z"
    # ENGINE: dateTimeAdd(dateTimeFromEpoch(1680224438), 'P1D')
    assert ev("[dateTimeAdd(dateTimeFromEpoch(1680224438), 'P1D')]") == "2023-04-01T01:00:38Z"
    assert is_unknown(ev(f"[dateTimeAdd({base}, 'P1D', 'yyyy')]"))  # custom formats: not evaluated


def test_dateTimeFromEpoch_dateTimeToEpoch():
    # template-functions-date#datetimefromepoch, #datetimetoepoch
    assert ev("[dateTimeFromEpoch(1683040573)]") == "2023-05-02T15:16:13Z"
    assert ev("[dateTimeToEpoch('2023-05-02T15:16:13Z')]") == 1683040573
    assert ev("[dateTimeToEpoch(dateTimeFromEpoch(1680224438))]") == 1680224438  # ENGINE


def test_utcNow_is_unknown():
    # template-functions-date#utcnow: varies for each deployment
    assert is_unknown(ev("[utcNow()]"), "string")
    assert is_unknown(ev("[dateTimeAdd(utcNow('u'), 'P3Y')]"))


# --- CIDR functions: template-functions-cidr -------------------------------------------------

def test_parseCidr():
    # template-functions-cidr#parsecidr
    assert ev("[parseCidr('10.144.0.0/20')]") == {
        "network": "10.144.0.0", "netmask": "255.255.240.0", "broadcast": "10.144.15.255",
        "firstUsable": "10.144.0.1", "lastUsable": "10.144.15.254", "cidr": 20}
    assert ev("[parseCidr('fdad:3236:5555::/48')]") == {
        "network": "fdad:3236:5555::", "netmask": "ffff:ffff:ffff::",
        "firstUsable": "fdad:3236:5555::", "lastUsable": "fdad:3236:5555:ffff:ffff:ffff:ffff:ffff",
        "cidr": 48}


def test_cidrSubnet():
    # template-functions-cidr#cidrsubnet
    assert [ev(f"[cidrSubnet('10.144.0.0/20', 24, {i})]") for i in range(5)] == [
        "10.144.0.0/24", "10.144.1.0/24", "10.144.2.0/24", "10.144.3.0/24", "10.144.4.0/24"]
    assert [ev(f"[cidrSubnet('fdad:3236:5555::/48', 52, {i})]") for i in range(5)] == [
        "fdad:3236:5555::/52", "fdad:3236:5555:1000::/52", "fdad:3236:5555:2000::/52",
        "fdad:3236:5555:3000::/52", "fdad:3236:5555:4000::/52"]
    assert is_unknown(ev("[cidrSubnet('10.144.0.0/20', 16, 0)]"))  # newCIDR below the network's


def test_cidrHost():
    # template-functions-cidr#cidrhost: index 0 is 192.168.1.1 on 192.168.1.0/24
    assert ev("[cidrHost('192.168.1.0/24', 0)]") == "192.168.1.1"
    assert [ev(f"[cidrHost('10.144.3.0/24', {i})]") for i in range(5)] == [
        "10.144.3.1", "10.144.3.2", "10.144.3.3", "10.144.3.4", "10.144.3.5"]
    assert [ev(f"[cidrHost('fdad:3236:5555:3000::/52', {i})]") for i in range(5)] == [
        "fdad:3236:5555:3000::1", "fdad:3236:5555:3000::2", "fdad:3236:5555:3000::3",
        "fdad:3236:5555:3000::4", "fdad:3236:5555:3000::5"]
    assert ev("[cidrHost('192.168.1.0/24', 253)]") == "192.168.1.254"
    assert is_unknown(ev("[cidrHost('192.168.1.0/24', 254)]"))  # the broadcast address


# --- deployment and scope functions: template-functions-deployment, -scope ------------------

@pytest.mark.parametrize("expr, fields", [
    ("resourceGroup()", ("id", "name", "type", "location", "managedBy", "tags", "properties")),
    ("subscription()", ("id", "subscriptionId", "tenantId", "displayName")),
    ("tenant()", ("countryCode", "displayName", "id", "tenantId")),
    ("managementGroup()", ("id", "name", "properties", "type")),
    ("deployment()", ("name", "properties")),
    ("deployer()", ("objectId", "tenantId", "userPrincipalName")),
    ("environment()", ("name", "resourceManager", "authentication", "suffixes")),
])
def test_scope_objects_have_unknown_fields(expr, fields):
    # template-functions-scope (resource/resourcegroup.json, subscription.json),
    # template-functions-deployment#deployment, #deployer, #environment: known only at deployment
    value = ev(f"[{expr}]")
    for field in fields:
        assert is_unknown(value[field]), field
        assert is_unknown(ev(f"[{expr}.{field}]")), field


def test_resourceGroup_location_is_an_unknown_location():
    value = ev("[resourceGroup().location]")
    assert is_unknown(value, "location") and value.text == "resourcegroup().location"
    assert is_unknown(ev("[parameters('location')]", {"parameters": {
        "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}}}), "location")


def test_parameters_and_variables():
    # template-functions-deployment#parameters, #variables (deployment/*.json)
    tpl = {"parameters": {**params(stringParameter="option 1", intParameter=1,
                                   objectParameter={"one": "a", "two": "b"}, arrayParameter=[1, 2, 3]),
                          "crossParameter": {"type": "string", "defaultValue": "[parameters('stringParameter')]"}},
           "variables": {"var1": "myVariable", "var2": [1, 2, 3, 4], "var3": "[ variables('var1') ]",
                         "var4": {"property1": "value1", "property2": "value2"}}}
    assert ev("[parameters('stringParameter')]", tpl) == "option 1"
    assert ev("[parameters('intParameter')]", tpl) == 1
    assert ev("[parameters('objectParameter')]", tpl) == {"one": "a", "two": "b"}
    assert ev("[parameters('arrayParameter')]", tpl) == [1, 2, 3]
    assert ev("[parameters('crossParameter')]", tpl) == "option 1"
    assert ev("[variables('var3')]", tpl) == "myVariable"
    assert ev("[variables('var4')]", tpl) == {"property1": "value1", "property2": "value2"}


# --- resource functions: template-functions-resource -----------------------------------------

def _as_documented(value: str) -> str:
    # the reference writes the deployment's own subscription and group as {current-sub-id} and
    # examplegroup; armlint writes placeholders
    return value.replace("{subscriptionId}", "{current-sub-id}").replace("{resourceGroupName}", "examplegroup")


def test_resourceId():
    # template-functions-resource#resourceid (resource/resourceid.json)
    same_rg = ev("[resourceId('Microsoft.Storage/storageAccounts','examplestorage')]")
    assert isinstance(same_rg, ResourceIdValue)
    assert _as_documented(same_rg) == ("/subscriptions/{current-sub-id}/resourceGroups/examplegroup/"
                                       "providers/Microsoft.Storage/storageAccounts/examplestorage")
    assert _as_documented(ev("[resourceId('otherResourceGroup', 'Microsoft.Storage/storageAccounts','examplestorage')]")) \
        == ("/subscriptions/{current-sub-id}/resourceGroups/otherResourceGroup/providers/"
            "Microsoft.Storage/storageAccounts/examplestorage")
    assert ev("[resourceId('11111111-1111-1111-1111-111111111111', 'otherResourceGroup', "
              "'Microsoft.Storage/storageAccounts','examplestorage')]") == \
        ("/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/otherResourceGroup/"
         "providers/Microsoft.Storage/storageAccounts/examplestorage")
    nested = ev("[resourceId('Microsoft.SQL/servers/databases', 'serverName', 'databaseName')]")
    assert _as_documented(nested) == ("/subscriptions/{current-sub-id}/resourceGroups/examplegroup/"
                                      "providers/Microsoft.SQL/servers/serverName/databases/databaseName")
    assert nested.rtype == "Microsoft.SQL/servers/databases"
    assert nested.names == ("serverName", "databaseName")
    # found by fuzzing: a name segment that is not a string made an ID that linking crashed on
    assert is_unknown(ev("[resourceId('Microsoft.Storage/storageAccounts', createArray('a'))]"))
    assert is_unknown(ev("[resourceId('Microsoft.SQL/servers/databases', 'server', 5)]"))


def test_subscription_tenant_managementGroup_extension_resource_ids():
    # template-functions-resource#subscriptionresourceid, #tenantresourceid,
    # #managementgroupresourceid, #extensionresourceid: the documented formats
    sub = ev("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]")
    assert sub == ("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/"
                   "8e3af657-a8ff-443c-a75c-2fe8c4bcb635")
    assert ev("[tenantResourceId('Microsoft.Authorization/policyDefinitions', '0a914e76-4921-4c19-b460-a2d36003525a')]") \
        == "/providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a"
    assert ev("[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'LocationRestriction')]") \
        == ("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/"
            "Microsoft.Authorization/policyDefinitions/LocationRestriction")
    assert ev("[extensionResourceId('/subscriptions/s1/resourceGroups/rg1', 'Microsoft.Authorization/locks', 'lock1')]") \
        == "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Authorization/locks/lock1"
    lock = ev("[extensionResourceId(resourceGroup().Id, 'Microsoft.Authorization/locks', parameters('lockName'))]",
              {"parameters": {"lockName": {"type": "string"}}})
    assert isinstance(lock, ResourceIdValue) and lock.rtype == "Microsoft.Authorization/locks"
    assert is_unknown(lock.names[0])


@pytest.mark.parametrize("expr", [
    "reference('st', '2021-04-01')", "reference('st').primaryEndpoints",
    "references('containerWorkers', 'full')", "listKeys('st', '2021-04-01').keys[0].value",
    "listAccountSas('st', '2021-04-01', createObject())", "pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')",
    "providers('Microsoft.Web', 'sites')",
])
def test_runtime_resource_functions_are_unknown(expr):
    # template-functions-resource#reference, #references, #list, #pickzones, #providers
    assert is_unknown(ev(f"[{expr}]"))


def test_resource_ids_with_placeholders_are_partly_unknown_text():
    value = ev("[concat(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), '/extensions/x')]")
    assert isinstance(value, PartialString)
    assert [tuple(p if isinstance(p, str) else p.text for p in seg) for seg in value.split("/")][-4:] == \
        [("virtualMachines",), ("vm1",), ("extensions",), ("x",)]
    assert is_unknown(ev("[length(resourceId('Microsoft.Compute/virtualMachines', 'vm1'))]"))
    assert is_unknown(ev("[equals(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), '/subscriptions/x')]"))
    assert ev("[equals(resourceId('A.B/c', 'n'), resourceId('A.B/c', 'n'))]") is True


# --- Unknown propagation, category by category -----------------------------------------------

@pytest.mark.parametrize("expr, kind", [
    # string
    ("toUpper(parameters('s'))", "string"), ("base64(parameters('s'))", "string"),
    ("substring(parameters('s'), 1)", "string"), ("startsWith(parameters('s'), 'a')", "bool"),
    ("length(parameters('s'))", "int"), ("uniqueString(parameters('s'))", "string"),
    ("guid(parameters('s'))", "string"), ("string(parameters('o'))", "string"),
    # array
    ("first(parameters('a'))", None), ("concat(parameters('a'), createArray('x'))", "array"),
    ("union(parameters('a'), createArray('x'))", None), ("range(parameters('i'), 2)", "array"),
    ("contains(parameters('a'), 'x')", "bool"), ("flatten(parameters('a'))", "array"),
    # object
    ("items(parameters('o'))", "array"), ("objectKeys(parameters('o'))", "array"),
    ("contains(parameters('o'), 'k')", "bool"), ("json(parameters('s'))", None),
    # comparison
    ("equals(parameters('s'), 'x')", "bool"), ("less(parameters('i'), 1)", "bool"),
    ("coalesce(null(), parameters('s'))", None),
    # logical
    ("not(parameters('b'))", "bool"), ("and(true(), parameters('b'))", "bool"),
    ("or(false(), parameters('b'))", "bool"), ("if(parameters('b'), 1, 2)", None),
    ("bool(parameters('s'))", "bool"),
    # numeric
    ("add(parameters('i'), 1)", "int"), ("max(parameters('i'), 1)", "int"),
    ("int(parameters('s'))", "int"),
    # lambda
    ("map(parameters('a'), lambda('x', lambdaVariables('x')))", "array"),
    ("filter(createArray(1, 2), lambda('x', equals(lambdaVariables('x'), parameters('i'))))", "array"),
    ("reduce(parameters('a'), 0, lambda('c', 'n', add(lambdaVariables('c'), 1)))", None),
    # date and CIDR
    ("dateTimeAdd(parameters('s'), 'P1D')", "string"), ("dateTimeToEpoch(parameters('s'))", "int"),
    ("parseCidr(parameters('s'))", "object"), ("cidrHost(parameters('s'), 0)", "string"),
])
def test_an_unknown_argument_makes_an_unknown_result(expr, kind):
    value = ev(f"[{expr}]", OPEN)
    assert is_unknown(value, kind), value
    assert not isinstance(value, PartialString)


def test_documented_short_circuits_keep_known_results():
    assert ev("[and(false(), parameters('b'))]", OPEN) is False
    assert ev("[or(true(), parameters('b'))]", OPEN) is True
    assert ev("[if(true(), 'a', parameters('s'))]", OPEN) == "a"
    assert ev("[coalesce('x', parameters('s'))]", OPEN) == "x"
    assert is_unknown(ev("[tryGet(createObject('a', 1), parameters('s'))]", OPEN))
    # strings built from partly unknown parts stay splittable
    for expr in ("concat('vm-', parameters('s'), '/ext')", "format('vm-{0}/ext', parameters('s'))",
                 "join(createArray('vm-', parameters('s'), 'ext'), '/')"):
        value = ev(f"[{expr}]", OPEN)
        assert isinstance(value, PartialString), expr
        assert value.parts[0].startswith("vm-") and value.parts[1].text == "parameters('s')"
    # a partly unknown string is not null
    assert isinstance(ev("[coalesce(concat('a', parameters('s')), 'b')]", OPEN), PartialString)
    # containers keep unknown elements without becoming unknown themselves
    assert is_unknown(ev("[createArray('a', parameters('s'))]", OPEN)[1])
    assert ev("[length(createArray('a', parameters('s')))]", OPEN) == 2
    # a known match decides contains() even next to unknown elements
    assert ev("[contains(createArray(parameters('s'), 'a'), 'a')]", OPEN) is True
    assert is_unknown(ev("[contains(createArray(parameters('s'), 'a'), 'b')]", OPEN))


def test_resourceId_with_unknown_names_stays_structured():
    value = ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('s'), 'sn')]", OPEN)
    assert isinstance(value, ResourceIdValue)
    assert value.names[0].text == "parameters('s')" and value.names[1] == "sn"
