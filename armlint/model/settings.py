"""Where a resource's settings can be written, and the resource as it ends up once deployed.

Owns three derived views, built once per resource and read by rules through the context:
  - `effective(res)`: the resource's JSON with what its child resources write into it merged in
    (the SETTINGS_CHILDREN table: an App Service `config` child named `web` is the site's
    `properties.siteConfig`; an NSG `securityRules` child is one more of its `securityRules`; a
    Key Vault `accessPolicies` child adds to its `accessPolicies`...). Each merged key remembers
    the object it came from, so a finding on it points at the child resource that wrote it.
  - `settings(res)`: the `properties` of each deployed child by type leaf and name leaf
    (`auditingSettings.default`, `config.logs`, `transparentDataEncryption.current`), for the
    settings that have no place in the parent's own JSON. A child whose name is unknown makes
    every name of its type unknown.
  - `stand_ins(model)`: a child resource whose parent this file does not deploy (the parent is
    `existing`, or only named) stands for that parent: its `effective` and `settings` hold what
    the child writes and Unknown for everything else, so an explicit bad value is still found
    and nothing is judged absent.
Children are linked to parents by the model in every form (nested, `parent:`, `site/web` by
name, languageVersion 2.0), so these views see a setting wherever ARM or Bicep lets it be written.
"""
from __future__ import annotations

from collections import namedtuple

from ..expr.values import Arr, Obj, Origin, PartialString, Unknown
from ..source.record import Plain
from .names import name_key
from .template import Model, Resource
from .views import display_name, resource_view

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

# parent: full parent type, lower case; child: the child's type leaf, lower case; names: leaf
# names it must have (lower case), () for any; path: where in the parent's JSON it lands; how:
# merge: its properties merge into the object there; append: it is one more element of the
# array there ({name, properties}); flat: the same, as {name, **properties}; policies: its
# properties.accessPolicies are appended
SettingsChild = namedtuple("SettingsChild", ("parent", "child", "names", "path", "how"))


SETTINGS_CHILDREN = (
    SettingsChild("microsoft.web/sites", "config", ("web",), ("properties", "siteConfig"), "merge"),
    SettingsChild("microsoft.web/sites/slots", "config", ("web",), ("properties", "siteConfig"),
                  "merge"),
    SettingsChild("microsoft.network/networksecuritygroups", "securityrules", (),
                  ("properties", "securityRules"), "append"),
    SettingsChild("microsoft.network/virtualnetworks", "subnets", (), ("properties", "subnets"),
                  "append"),
    SettingsChild("microsoft.network/loadbalancers", "inboundnatrules", (),
                  ("properties", "inboundNatRules"), "append"),
    SettingsChild("microsoft.containerservice/managedclusters", "agentpools", (),
                  ("properties", "agentPoolProfiles"), "flat"),
    SettingsChild("microsoft.keyvault/vaults", "accesspolicies", ("add", "replace"),
                  ("properties", "accessPolicies"), "policies"),
)
_BY_PARENT: dict[str, list[SettingsChild]] = {}
for _row in SETTINGS_CHILDREN:
    _BY_PARENT.setdefault(_row.parent, []).append(_row)


class Layered(Obj):
    """An object built from several written objects: each key remembers the origin of the object
    it came from (`key_origins`), and a key it does not have reads as `missing`: None, or Unknown
    when part of the object is not known (a parent written elsewhere, an unknown base)."""

    __slots__ = ("key_origins", "missing")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_origins: dict = {}
        self.missing: Any = None
        self.origin = None

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return self.missing if self.missing is not None else default

    def origin_of_key(self, key) -> Origin | None:
        return self.key_origins.get(key.lower() if isinstance(key, str) else key)

    def put(self, key: str, value: Any, origin: Origin | None) -> None:
        actual = self.actual_key(key)
        if actual is not None and actual != key:
            self.pop(actual)
            self.key_origins.pop(actual.lower(), None)
        self[key] = value
        if origin is not None:
            self.key_origins[key.lower()] = origin


def _layer_of(base: Any) -> Layered:
    """A Layered copy of `base` (a written object, Unknown or absent) to merge more into."""
    out = Layered()
    if isinstance(base, Layered):
        out.update(base)
        out.key_origins = dict(base.key_origins)
        out.missing = base.missing
        out.origin = base.origin
    elif isinstance(base, dict):
        out.update(base)
        out.origin = getattr(base, "origin", None)
    elif isinstance(base, Unknown):
        out.missing = base
    return out


def _unknown(reason: str) -> Unknown:
    return Unknown("", None, reason)


def leaf_name(res: Resource) -> str | None:
    """The last segment of a resource's name, lower case; None when it is not known."""
    leaf = _leaf(res)
    return leaf.lower() if leaf is not None else None


def _leaf(res: Resource) -> str | None:
    """The last segment of a resource's name as written; None when it is not known."""
    name = res.name
    if isinstance(name, PartialString):
        last = name.split("/")[-1]
        return "".join(last) if all(isinstance(p, str) for p in last) else None
    if isinstance(name, Unknown):
        return None
    return name.rsplit("/", 1)[-1] if isinstance(name, str) else None


def _type_leaf(res: Resource) -> str:
    return res.type.rsplit("/", 1)[-1].lower()


def _properties(res: Resource) -> Any:
    return resource_view(res).get("properties")


def _element(res: Resource, how: str) -> Any:
    """The array element a collection child stands for: {name, properties}, or with `flat`
    {name, **properties}. Keys without their own origin are found through the child's."""
    view = resource_view(res)
    props = view.get("properties")
    el = Layered()
    el.origin = view.origin
    leaf = _leaf(res)  # as written: messages name the rule 'allowAllFromAll', not 'allowallfromall'
    el["name"] = leaf if leaf is not None else res.name
    if how == "flat":
        if isinstance(props, dict):
            for k, v in props.items():
                el.put(k, v, getattr(props, "origin", None))
        elif isinstance(props, Unknown):
            el.missing = props
    elif "properties" in view:
        el[view.actual_key("properties")] = props
    return el


def _child_rows(res: Resource) -> list[tuple[SettingsChild, Resource]]:
    rows = _BY_PARENT.get(res.type_key)
    if not rows:
        return []
    out = []
    for child in res.children:
        if not child.deployed:
            continue
        leaf = _type_leaf(child)
        for row in rows:
            if row.child == leaf and child.type_key == f"{row.parent}/{leaf}":
                name = leaf_name(child)
                if not row.names or name is None or name in row.names:
                    out.append((row, child))
    return out


def effective(res: Resource, open_base: bool = False) -> Any:
    """The resource's JSON with the settings its children write merged in (see module doc).
    With `open_base`, what the resource itself says is unknown (a stand-in)."""
    rows = _child_rows(res)
    base: Any = resource_view(res)
    if open_base:
        base = _layer_of(_unknown("the resource is deployed elsewhere"))
    if not rows:
        return base
    root = _layer_of(base)
    for row, child in rows:
        _apply(root, row, child, open_base)
    return root


def _apply(root: Layered, row: SettingsChild, child: Resource, open_base: bool) -> None:
    *outer, last = row.path
    holder = root
    for key in outer:
        inner = _layer_of(holder.get(key))
        holder.put(holder.actual_key(key) or key, inner, None)
        holder = inner
    current = holder.get(last)
    name = leaf_name(child)
    if row.how == "merge":
        props = _properties(child)
        if name is None or isinstance(props, Unknown):
            holder.put(holder.actual_key(last) or last, _unknown("set by a child resource"), None)
            return
        merged = _layer_of(current)
        if isinstance(props, dict):
            for k, v in props.items():
                merged.put(k, v, getattr(props, "origin", None))
        holder.put(holder.actual_key(last) or last, merged, None)
        return
    if isinstance(current, Unknown) and not open_base:
        return  # the parent's own list is unknown: the whole list is
    # (a stand-in's list holds the elements its children add: each is judged, none is missed)
    items = Arr(current) if isinstance(current, list) else Arr()
    items.origin = getattr(current, "origin", None)
    if row.how == "policies":
        props = _properties(child)
        policies = props.get("accessPolicies") if isinstance(props, dict) else None
        if not isinstance(policies, list):
            holder.put(holder.actual_key(last) or last, _unknown("set by a child resource"), None)
            return
        if name == "replace":
            items = Arr()
            items.origin = None
        items.extend(policies)
    else:
        items.append(_element(child, row.how))
    holder.put(holder.actual_key(last) or last, items, None)


def settings(res: Resource) -> Obj:
    """The properties of each deployed child, by type leaf, then by name leaf."""
    out = Obj()
    out.origin = None
    for child in res.children:
        if not child.deployed:
            continue
        leaf = _type_leaf(child)
        group = out.get(leaf)
        if group is None:
            group = out[leaf] = Layered()
        name = leaf_name(child)
        if name is None:
            group.missing = _unknown("a child resource of this type has an unknown name")
            continue
        group.put(name, _properties(child), None)
    return out


class StandIn(Plain):
    """A parent that this file does not deploy, as the children it has here describe it."""

    _fields = ("type", "name", "template", "children", "resource")

    def __init__(self, type: str, name: Any, template: Any, children: list,
                 resource: Resource | None):
        self.type = type
        self.name = name
        self.template = template
        self.children = children
        self.resource = resource  # the `existing` declaration, when there is one

    @property
    def type_key(self) -> str:
        return self.type.lower()

    @property
    def display_name(self) -> str:
        if self.resource is not None:
            return self.resource.display_name
        child = self.children[0]
        shown = child.display_name
        if self.template.is_bicep and len(shown) > 1 and shown[0] == shown[-1] == "'":
            shown = shown[1:-1]  # the child's name as written, quoted
        known = isinstance(child.name, str) and not isinstance(child.name, Unknown)
        if self.template.is_bicep and "/" in shown and not known:
            return shown.rsplit("/", 1)[0]  # as written, `${appName}/web`: speak Bicep
        if isinstance(self.name, PartialString):  # `concat(parameters('app'), '/web')`
            return display_name(self.name)
        return shown.rsplit("/", 1)[0] if "/" in shown else shown

    def effective(self) -> Any:
        probe = Resource(template=self.template, raw=Obj(), origin=self.children[0].origin,
                         type=self.type, children=self.children)
        return effective(probe, open_base=True)

    def settings(self) -> Obj:
        out = Obj()
        out.origin = None
        for leaf, group in settings(Resource(template=self.template, raw=Obj(),
                                             origin=self.children[0].origin, type=self.type,
                                             children=self.children)).items():
            open_group = _layer_of(group)
            if open_group.missing is None:
                open_group.missing = _unknown("the parent may have more children elsewhere")
            out[leaf] = open_group
        return _open(out)


def _open(obj: Obj) -> Layered:
    out = _layer_of(obj)
    out.missing = _unknown("the parent is deployed elsewhere")
    return out


def stand_ins(model: Model) -> list[StandIn]:
    """One stand-in per parent that children in this file name but the file does not deploy."""
    groups: dict[tuple, StandIn] = {}
    for res in model.resources:
        if res.type.count("/") < 2 or "/providers/" in res.type_key or not res.deployed:
            continue  # the cheap tests first: `deployed` evaluates conditions and copy counts
        parent = res.parent
        if parent is not None and parent.deployed:
            continue
        if parent is not None and parent.existing and any(
                r is not parent and not r.existing and r.type_key == parent.type_key
                and r.name_key == parent.name_key for r in model.resources):
            continue  # the `existing` reference names a resource this file deploys
        ptype = res.type.rsplit("/", 1)[0]
        pname = parent.name if parent is not None else _parent_name(res)
        key = (ptype.lower(), name_key(pname), id(parent))
        stand = groups.get(key)
        if stand is None:
            stand = groups[key] = StandIn(ptype, pname, res.template, [], parent)
        stand.children.append(res)
    return list(groups.values())


def _parent_name(res: Resource) -> Any:
    name = res.name
    if isinstance(name, PartialString):
        segments = name.split("/")[:-1]
        parts: list = []
        for i, seg in enumerate(segments):
            if i:
                parts.append("/")
            parts.extend(seg)
        return PartialString(tuple(parts)) if parts else Unknown(name.text)
    if isinstance(name, Unknown):
        return name
    return name.rsplit("/", 1)[0] if isinstance(name, str) and "/" in name else name
