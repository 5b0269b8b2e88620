"""The security readings rules rely on: versions, TLS versions, address prefixes, port specs and
dates, each through its JMESPath function, with Unknown and unreadable values giving no answer."""
from datetime import datetime, timedelta, timezone

import pytest

from armlint.engine import readings
from armlint.engine.jmes import Expression, truthy
from armlint.expr.values import Obj, PartialString, Unknown

U = Unknown("parameters('x')")


def search(expr, **data):
    return Expression(expr).search(Obj(data))


def no_answer(value):
    return isinstance(value, Unknown)


@pytest.mark.parametrize("a, b, expected", [
    ("2021-04-01", "2021-04-01", 0),
    ("2021-04-01-preview", "2021-04-01", -1),
    ("2023-01-01", "2021-04-01-preview", 1),
    ("1.27.3", "1.27.3", 0),
    ("1.27", "1.27.3", -1),
    ("v1.28.0", "1.27.9", 1),
    ("1.9", "1.10", -1),
    ("1.2.0-rc.1", "1.2.0", -1),
    ("1.2.0+build5", "1.2.0", 0),
])
def test_version_cmp(a, b, expected):
    assert search("version_cmp(a, b)", a=a, b=b) == expected


def test_versions_of_different_kinds_or_unreadable_give_no_answer():
    assert no_answer(search("version_cmp(a, b)", a="2021-04-01", b="1.2"))
    assert no_answer(search("version_before(a, '1.27')", a="latest"))
    assert no_answer(search("version_before(a, '1.27')", a=U))
    assert not truthy(search("!version_at_least(a, '1.27')", a="latest"))


def test_version_before_and_at_least():
    assert search("version_before(a, '1.27.3')", a="1.26.10") is True
    assert search("version_at_least(a, '2023-01-01')", a="2023-01-01-preview") is False
    assert search("version_at_least(a, '2023-01-01')", a="2023-05-01") is True


@pytest.mark.parametrize("spelling", ["TLS1_2", "1.2", "Tls12", "TLSv1_2", "Tls1_2", "tls1.2",
                                      "TLS 1.2", 1.2, " TLS1_2 "])
def test_tls_spellings(spelling):
    assert search("tls_version(x)", x=spelling) == "1.2"


@pytest.mark.parametrize("value", ["TLS1_4", "SSL", "12", "", None, True, "latest"])
def test_not_tls(value):
    assert search("tls_version(x)", x=value) is None


def test_tls_below():
    assert search("tls_below(x, 'TLS1_2')", x="TLS1_0") is True
    assert search("tls_below(x, '1.2')", x="Tls11") is True
    assert search("tls_below(x, '1.2')", x="1.3") is False
    assert search("tls_below(x, '1.2')", x="TLS1_2") is False
    assert no_answer(search("tls_below(x, '1.2')", x=U))
    assert no_answer(search("tls_below(x, '1.2')", x="whatever"))
    assert no_answer(search("tls_below(x, '1.2')", x=None))


@pytest.mark.parametrize("prefix", ["*", "Any", "Internet", "internet", "0.0.0.0/0", "::/0",
                                    "0.0.0.0-255.255.255.255", ["10.0.0.0/8", "0.0.0.0/0"],
                                    "0.0.0.0/1,128.0.0.0/1"])
def test_is_internet(prefix):
    assert search("is_internet(x)", x=prefix) is True


@pytest.mark.parametrize("prefix", ["10.0.0.0/8", "VirtualNetwork", "AzureLoadBalancer",
                                    "8.8.8.8/32", "0.0.0.0", "0.0.0.0-0.0.0.0", ["10.0.0.0/8"]])
def test_not_internet(prefix):
    assert search("is_internet(x)", x=prefix) is False


def test_internet_with_unknowns_and_unreadables():
    assert no_answer(search("is_internet(x)", x=U))
    assert no_answer(search("is_internet(x)", x=["10.0.0.0/8", U]))
    assert search("is_internet(x)", x=[U, "*"]) is True
    assert no_answer(search("is_internet(x)", x="not an address!"))
    assert no_answer(search("is_internet(x)", x=PartialString(("10.0.", U))))


@pytest.mark.parametrize("prefix, public", [
    ("Internet", True), ("*", True), ("8.8.8.0/24", True), ("11.0.0.0/8", True),
    ("10.0.0.0/7", True),  # 11.0.0.0/8 is public
    ("20.1.2.3", True), ("1.2.3.4-1.2.3.9", True), ("2603:1000::/24", True),
    ("10.1.0.0/16", False), ("172.16.5.0/24", False), ("192.168.1.1", False),
    ("100.64.0.0/10", False), ("fd00::/8", False), ("VirtualNetwork", False),
    ("AzureCloud", False), ("10.0.0.1-10.0.0.200", False), (["10.0.0.0/8", "52.1.1.1"], True),
])
def test_is_public_range(prefix, public):
    assert search("is_public_range(x)", x=prefix) is public


@pytest.mark.parametrize("prefix, ip, covered", [
    ("10.0.0.0/8", "10.1.2.3", True), ("10.0.0.0/8", "11.1.2.3", False),
    ("*", "10.1.2.3", True), ("Any", "52.1.1.1", True),
    ("Internet", "52.1.1.1", True), ("Internet", "10.1.1.1", False),
    ("0.0.0.0/0", "52.1.1.1", True), ("1.1.1.1-1.1.1.9", "1.1.1.5", True),
    ("VirtualNetwork", "10.0.0.1", False), (["192.168.0.0/16", "10.0.0.0/8"], "10.0.0.1", True),
    ("::/0", "10.0.0.1", False),
])
def test_address_covers(prefix, ip, covered):
    assert search(f"address_covers(x, '{ip}')", x=prefix) is covered


@pytest.mark.parametrize("spec, port, covered", [
    ("*", 22, True), ("22", 22, True), ("20-30", 22, True), ("23-30", 22, False),
    ("22,3389", 3389, True), (" 80 , 443 ", 443, True), (["80", "443"], 22, False),
    (["80", "20-25"], 22, True), (22, 22, True), (3389, 22, False),
])
def test_port_covers(spec, port, covered):
    assert search(f"port_covers(x, `{port}`)", x=spec) is covered


def test_port_covers_any_of_several_ports_and_unknowns():
    assert search("port_covers(x, `[22, 3389]`)", x="3389") is True
    assert search("port_covers(x, `[22, 3389]`)", x="443") is False
    assert no_answer(search("port_covers(x, `22`)", x=U))
    assert no_answer(search("port_covers(x, `22`)", x=["80", U]))
    assert search("port_covers(x, `22`)", x=[U, "22"]) is True
    assert no_answer(search("port_covers(x, `22`)", x="ssh"))


@pytest.mark.parametrize("a, b, days", [
    ("2024-01-01", "2024-01-31", 30),
    ("2024-01-01T00:00:00Z", "2024-01-02T12:00:00+00:00", 1.5),
    (1704067200, "2024-01-11", 10),  # epoch seconds, as Key Vault's exp
    ("2024-03-01", "2024-02-01", -29),
    ("2024-01-01T00:00:00.0000000Z", "2024-01-02", 1),
])
def test_days_between(a, b, days):
    assert search("days_between(a, b)", a=a, b=b) == pytest.approx(days)


def test_days_until_counts_from_now():
    soon = (datetime.now(timezone.utc) + timedelta(days=10)).isoformat()
    assert 9.9 < search("days_until(x)", x=soon) <= 10
    assert search("days_until(x) < `0`", x="2001-01-01") is True
    assert no_answer(search("days_until(x)", x="next tuesday"))
    assert no_answer(search("days_until(x)", x=U))
    assert not truthy(search("days_until(x) < `30`", x=U))


def test_readings_directly():
    assert readings.networks("AzureCloud.WestEurope") == []
    assert readings.networks("1.2.3.4-1.2.3.0") is None
    assert readings.port_ranges("*") == [(0, 65535)]
    assert readings.moment("not a date") is None


def test_all_known_looks_at_every_depth():
    assert search("all_known(x)", x=[{"a": 1}, {"b": [2, "c"]}]) is True
    assert search("all_known(x)", x=[{"a": 1}, {"b": [2, U]}]) is False
    assert search("all_known(x)", x=U) is False


def test_known_parts_of_partly_known_strings():
    assert search("known_parts(x)", x=PartialString(("Data-", U, "x"))) == ["Data-", "x"]
    assert search("known_parts(x)", x="abc") == ["abc"]
    assert search("known_parts(x)", x=U) == []
    assert search("known_parts(x)", x=5) == []


def test_id_type_reads_ids_in_every_form():
    from armlint.expr.values import ResourceIdValue
    rid = ResourceIdValue("/subscriptions/x/providers/Microsoft.Storage/storageAccounts/a/queueServices/default",
                          "Microsoft.Storage/storageAccounts/queueServices", ("a", "default"))
    assert search("id_type(x)", x=rid) == "microsoft.storage/storageaccounts/queueservices"
    assert search("id_type(x)", x="Microsoft.Storage/storageAccounts/a/queueServices/default") == \
        "microsoft.storage/storageaccounts/queueservices"
    partial = PartialString(("/subscriptions/", U, "/resourceGroups/rg/providers/Microsoft.Sql/servers/",
                             U))
    assert search("id_type(x)", x=partial) == "microsoft.sql/servers"
    assert no_answer(search("id_type(x)", x=U))
    assert search("id_type(x)", x="not an id") is None
