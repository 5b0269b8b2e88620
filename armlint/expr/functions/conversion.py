"""Conversion functions: base64, data URIs, URI escaping and json() (single-quoted strings
accepted as Newtonsoft does).
"""
from __future__ import annotations

from ..evaluate import EvalError
from .args import json_value, need, string_arg
from .registry import fn

# base64 and urllib.parse are imported by the functions that use them: most templates call none
# (issue 12: start-up)


def _b64decode(text: str) -> str:
    import base64
    return base64.b64decode(string_arg(text), validate=True).decode("utf-8")


@fn("base64", kind="string")
def _base64(args, node, ctx):
    import base64
    need(args, 1, 1)
    return base64.b64encode(string_arg(args[0]).encode("utf-8")).decode("ascii")


@fn("base64ToString", kind="string")
def _base64_to_string(args, node, ctx):
    need(args, 1, 1)
    return _b64decode(args[0])


@fn("base64ToJson")
def _base64_to_json(args, node, ctx):
    need(args, 1, 1)
    return json_value(_b64decode(args[0]))


@fn("dataUri", kind="string")
def _data_uri(args, node, ctx):
    import base64
    need(args, 1, 1)
    encoded = base64.b64encode(string_arg(args[0]).encode("utf-8")).decode("ascii")
    return "data:text/plain;charset=utf8;base64," + encoded


@fn("dataUriToString", kind="string")
def _data_uri_to_string(args, node, ctx):
    import base64
    import urllib.parse
    need(args, 1, 1)
    header, _, data = string_arg(args[0]).partition(",")
    if not header.startswith("data:"):
        raise EvalError("not a data URI")
    if header.endswith(";base64"):
        return base64.b64decode(data).decode("utf-8")
    return urllib.parse.unquote(data)


@fn("uri", kind="string")
def _uri(args, node, ctx):
    import urllib.parse
    need(args, 2, 2)
    return urllib.parse.urljoin(string_arg(args[0]), string_arg(args[1]))  # RFC 3986 section 5


@fn("uriComponent", kind="string")
def _uri_component(args, node, ctx):
    import urllib.parse
    need(args, 1, 1)
    # Uri.EscapeDataString: everything but RFC 3986 unreserved characters is escaped.
    return urllib.parse.quote(string_arg(args[0]), safe="-_.~")


@fn("uriComponentToString", kind="string")
def _uri_component_to_string(args, node, ctx):
    import urllib.parse
    need(args, 1, 1)
    return urllib.parse.unquote(string_arg(args[0]))



@fn("json")
def _json_fn(args, node, ctx):
    need(args, 1, 1)
    return json_value(string_arg(args[0]))

