"""AL3006 looks for hosts a megabyte of lower-cased text at a time: the same findings whatever
the chunk, a host across two chunks and the excluded $schema host included."""
from __future__ import annotations

from armlint.checks import environment_urls
from armlint.engine.run import run_rules
from armlint.model.build import build_template_model
from armlint.source import jsonc

TEXT = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": {
    "padding": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "endpoint": "https://Login.MicrosoftOnline.com/tenant",
    "ok": "https://schema.management.azure.com/ is excluded"
  },
  "resources": []
}"""


def _found(catalogue, chunk, monkeypatch):
    monkeypatch.setattr(environment_urls, "_CHUNK", chunk)
    doc = jsonc.load(TEXT)
    found = run_rules(build_template_model(doc, doc.value), [catalogue.find("AL3006")])
    return sorted((f.offsets[1], f.offsets[2]) for f in found)


def test_hosts_are_found_alike_in_any_chunk_size(catalogue, monkeypatch):
    start = TEXT.index("Login.MicrosoftOnline.com")
    expected = [(start, start + len("login.microsoftonline.com"))]
    assert _found(catalogue, 1 << 20, monkeypatch) == expected
    # chunks of 7..40 characters cut the host and the excluded $schema host at every offset
    for chunk in range(7, 41):
        assert _found(catalogue, chunk, monkeypatch) == expected, chunk


def test_present_names_what_the_text_holds_outside_the_excluded_hosts(monkeypatch):
    monkeypatch.setattr(environment_urls, "_CHUNK", 8)
    hosts = ("management.azure.com", "vault.azure.net")
    assert environment_urls._present("see https://SCHEMA.management.azure.com/x", hosts,
                                     ("schema.management.azure.com",)) <= {"management.azure.com"}
    assert environment_urls._present("a https://x.Vault.Azure.Net b", hosts, ()) == \
        {"vault.azure.net"}
    assert environment_urls._present("", hosts, ()) == frozenset()
