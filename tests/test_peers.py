"""Security rules against the peers' catalogues (issue 10).

Every check of Template Analyzer and Checkov for ARM and Bicep (the ids of
../shared/reference/security-catalogues.md, copied to tests/data/security-catalogue-ids.tsv so
this runs without ../shared) is named in some rule's `equivalents` (`template-analyzer:TA-000004`,
`checkov:CKV_AZURE_16`) or listed in docs/peers.md with the reason armlint has no rule for it.

PENDING holds, per service pack, the ids no rule covers yet while the packs are being written.
A pack removes its entries when it lands: an id that is covered but still pending fails the
test, so the list only shrinks (`python scripts/update_peers_pending.py` removes what is
covered). The finished state is an empty PENDING (every pack landed).

The security rules added for issue 10 (IDs AL6006-AL6799) are at least 90% declarative, and each
one written in Python says on its page (`docs.why_python`) why JMESPath cannot express it.
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import REPO, SHARED

CATALOGUE = REPO / "tests" / "data" / "security-catalogue-ids.tsv"
PEERS_DOC = REPO / "docs" / "peers.md"

PENDING: dict[str, set[str]] = {
    "AL61xx storage": set(),
    "AL62xx keyvault-monitor-defender-authorization-automation-classic": set(),
    "AL63xx app-service": set(),
    "AL64xx databases": set(),
    "AL65xx network": set(),
    "AL66xx compute-containers": set(),
    "AL67xx other-services": set(),
}


def _equivalent(peer_id: str) -> str:
    return ("template-analyzer:" if peer_id.startswith("TA-") else "checkov:") + peer_id


def catalogue_ids() -> list[str]:
    lines = CATALOGUE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")]


def documented_without_rule() -> dict[str, str]:
    """docs/peers.md table rows: | `checkov:CKV_AZURE_43` | name | reason |"""
    out = {}
    for line in PEERS_DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`((?:template-analyzer|checkov):[^`]+)`\s*\|[^|]*\|\s*(.*?)\s*\|$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


@pytest.fixture(scope="module")
def claimed(catalogue) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rule in catalogue.rules:
        for e in rule.equivalents:
            if e.startswith(("template-analyzer:", "checkov:")):
                out.setdefault(e, []).append(rule.id)
    return out


def pending() -> set[str]:
    return {_equivalent(i) for ids in PENDING.values() for i in ids}


def test_the_copy_matches_the_shared_catalogue():
    path = SHARED / "reference" / "security-catalogues.md"
    if not path.exists():
        pytest.skip(f"{path} is not present (the catalogue is read from ../shared)")
    text = path.read_text(encoding="utf-8")
    ids = set(re.findall(r"^\| (TA-\d{6}) \|", text, re.M))
    shared = {"template-analyzer:" + i for i in ids}
    shared |= {"checkov:" + i for i in re.findall(r"^\| (?:arm|bicep) \| \w+ \| (CKV2?_AZURE_\d+) \|",
                                                 text, re.M)}
    assert set(catalogue_ids()) == shared


def test_every_catalogue_check_has_a_rule_a_reason_or_is_pending(claimed):
    ids = catalogue_ids()
    assert len(ids) == len(set(ids)) == 211
    without = documented_without_rule()
    missing = [i for i in ids if i not in claimed and i not in without and i not in pending()]
    assert missing == []


def test_pending_only_lists_what_no_rule_covers_yet(claimed):
    """A pack that lands removes its ids from PENDING."""
    without = documented_without_rule()
    stale = sorted(i for i in pending() if i in claimed or i in without)
    assert stale == [], "covered now: remove from PENDING"
    assert pending() <= set(catalogue_ids())


def test_equivalents_and_peers_doc_name_real_checks(claimed):
    known = set(catalogue_ids())
    assert sorted(set(claimed) - known) == []
    without = documented_without_rule()
    assert sorted(set(without) - known) == []
    assert sorted(set(without) & set(claimed)) == [], "a check with a rule is not listed as without"
    assert all(len(reason) > 20 for reason in without.values())


def issue10_rules(catalogue) -> list:
    """The security rules of the service packs (a pack may hold a few non-security rules for the
    same peer checks, such as reliability, without the `security` tag)."""
    return [r for r in catalogue.rules if "AL6006" <= r.id <= "AL6799" and "security" in r.tags]


def test_security_rules_are_declarative_and_python_ones_say_why(catalogue):
    rules = issue10_rules(catalogue)
    python = [r for r in rules if r.implementation == "python"]
    assert len(python) <= 0.1 * len(rules), [r.id for r in python]
    from armlint.ruledocs import render_page
    for r in python:
        assert len(r.docs.get("why_python", "")) > 40, f"{r.id}: docs.why_python says why"
        assert "## Why Python" in render_page(r)


def test_security_rules_are_tagged_and_on_by_default(catalogue):
    """On by default unless the page says why not."""
    for r in issue10_rules(catalogue):
        assert r.enabled or "off by default" in " ".join(map(str, r.docs.values())).lower(), r.id
        assert r.level in ("warning", "error"), r.id
        assert "security" in r.tags and len(r.tags) >= 2, f"{r.id}: tags security and a service"
        assert all(t == t.lower() or t.startswith("mcsb:") for t in r.tags), r.id
        assert all(re.fullmatch(r"mcsb:[A-Z]{2,3}-\d+", t) for t in r.tags if t.startswith("mcsb")), r.id
