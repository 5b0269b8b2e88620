"""Plain-data views of the model for rules: resolved values that remember where they were written.

Owns: `resource_view` (a resource's JSON with every expression evaluated, UNKNOWN where a value
needs the deployment; child `resources` and a nested deployment's inline `template` left out, as
they are resources and templates of their own) and `summary` (type, name and view of a related
resource, as rules see parents, children and attached resources). Views are built once per
resource and shared by every rule.
"""
from __future__ import annotations

from ..expr.evaluate import resolve
from ..expr.values import Obj, PartialString, Unknown
from .template import Resource

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def resource_view(res: Resource) -> Obj:
    view = res._view
    if view is None:
        view = Obj()
        view.origin = res.origin
        nested = res.nested_template is not None
        for key, raw in res.raw.items():
            low = key.lower()
            if low == "resources":
                continue
            if nested and low == "properties" and isinstance(raw, dict):
                view[key] = _properties_without_template(res, key, raw)
                continue
            view[key] = resolve(raw, res.origin.child(key), res.ctx)
        res._view = view
    return view


def _properties_without_template(res: Resource, key: str, raw: dict) -> Obj:
    origin = res.origin.child(key)
    out = Obj()
    out.origin = origin
    for k, v in raw.items():
        out[k] = v if k.lower() == "template" else resolve(v, origin.child(k), res.ctx)
    return out


class _Summary(Obj):
    """A related resource as rules see it; its evaluated JSON and display name are made on first
    read, since most rules never look at the parents, children and attachments of what they judge."""

    __slots__ = ("_res",)
    _LAZY = {"resource": resource_view, "display_name": lambda res: res.display_name}

    def __missing__(self, key):
        make = self._LAZY.get(key.lower()) if isinstance(key, str) else None
        if make is None:
            return super().__missing__(key)
        value = make(self._res)
        dict.__setitem__(self, key.lower(), value)
        self._folded = None
        return value

    def __contains__(self, key) -> bool:
        return super().__contains__(key) or (isinstance(key, str) and key.lower() in self._LAZY)

    def actual_key(self, key):
        found = super().actual_key(key)
        if found is None and isinstance(key, str) and key.lower() in self._LAZY:
            self[key]
            return key.lower()
        return found

    def _fill(self) -> None:
        for key in self._LAZY:
            if not dict.__contains__(self, key):
                self[key]

    # whoever walks or copies the whole object (JMESPath `*`, `keys(@)`, dict(...)) sees it all
    def keys(self):
        self._fill()
        return super().keys()

    def items(self):
        self._fill()
        return super().items()

    def values(self):
        self._fill()
        return super().values()

    def __iter__(self):
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def __bool__(self) -> bool:
        return True  # it has a type at least; no need to evaluate anything to say so


def summary(res: Resource) -> Obj:
    """What a rule sees of a related resource: type, name, display_name, symbolic_name,
    resource (its evaluated JSON) and existing."""
    out = _Summary(type=res.type, name=res.name, symbolic_name=res.symbolic_name,
                   existing=res.existing)
    out._res = res
    out.origin = None
    return out


def display_name(value: Any) -> str:
    """A value for messages: the string, or the expression text where parts are unknown; booleans
    as templates write them (`false`, not Python's `False`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, PartialString):
        return "".join(p if isinstance(p, str) else "[" + p.text + "]" for p in value.parts)
    if isinstance(value, Unknown):
        return str(value)
    return str(value)


def vm_profile(view: Obj, rtype: str) -> tuple[str, dict] | None:
    """(context path, object) of the part of a VM or scale set that holds `storageProfile`,
    `osProfile` and `hardwareProfile`: `properties` of a VM, `properties.virtualMachineProfile`
    of a scale set. None when it is absent or unknown."""
    props = view.get("properties")
    if not isinstance(props, dict):
        return None
    if rtype.lower() == "microsoft.compute/virtualmachinescalesets":
        profile = props.get("virtualMachineProfile")
        path = "resource.properties.virtualMachineProfile"
    else:
        profile, path = props, "resource.properties"
    return (path, profile) if isinstance(profile, dict) else None


def image_reference(view: Obj, rtype: str) -> tuple[str, dict] | None:
    """(context path, object) of a VM's or scale set's `storageProfile.imageReference`."""
    found = vm_profile(view, rtype)
    if found is None:
        return None
    path, profile = found
    storage = profile.get("storageProfile")
    image = storage.get("imageReference") if isinstance(storage, dict) else None
    if not isinstance(image, dict):
        return None
    return f"{path}.storageProfile.imageReference", image
