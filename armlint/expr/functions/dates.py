"""Date functions: dateTimeAdd (a year is 365 days, a month 30: XML duration semantics),
dateTimeFromEpoch, dateTimeToEpoch. utcNow() is deployment-time (deployment.py).
"""
from __future__ import annotations


from ..evaluate import EvalError
from .args import int_arg, need, string_arg
from .registry import fn
from ...source.lazy import pattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as _dt


_DURATION = pattern(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
                       r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


# `datetime` is imported by the functions that use it: most templates call none (issue 12)
def _epoch() -> _dt.datetime:
    import datetime as _dt
    return _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def _parse_time(text: str) -> _dt.datetime:
    import datetime as _dt
    value = _dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value


def _iso(value: _dt.datetime) -> str:
    """A UTC time as ARM writes it: 2023-03-02T00:00:00Z, fractions only when not zero."""
    import datetime as _dt
    value = value.astimezone(_dt.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += (".%06d" % value.microsecond).rstrip("0")
    return text + "Z"


@fn("dateTimeAdd", kind="string")
def _date_time_add(args, node, ctx):
    need(args, 2, 3)
    if len(args) == 3:
        raise EvalError("custom date formats are not evaluated")
    base = _parse_time(string_arg(args[0]))
    m = _DURATION.match(string_arg(args[1]))
    if not m or m.group(0) in ("P", "-P") or m.group(0).endswith("T"):
        raise EvalError("not an ISO 8601 duration")
    years, months, weeks, days, hours, minutes = (int(g or 0) for g in m.groups()[1:7])
    # XML duration semantics (XmlConvert.ToTimeSpan): a year is 365 days, a month 30 days; the
    # reference shows dateTimeAdd('2023-01-31 00:00:00Z', 'P1M') as 2023-03-02T00:00:00Z.
    import datetime as _dt
    delta = _dt.timedelta(days=years * 365 + months * 30 + weeks * 7 + days, hours=hours,
                          minutes=minutes, seconds=float(m.group(8) or 0))
    return _iso(base - delta if m.group(1) else base + delta)


@fn("dateTimeFromEpoch", kind="string")
def _date_time_from_epoch(args, node, ctx):
    need(args, 1, 1)
    import datetime as _dt
    return _iso(_epoch() + _dt.timedelta(seconds=int_arg(args[0])))


@fn("dateTimeToEpoch", kind="int")
def _date_time_to_epoch(args, node, ctx):
    need(args, 1, 1)
    return int((_parse_time(string_arg(args[0])) - _epoch()).total_seconds())

