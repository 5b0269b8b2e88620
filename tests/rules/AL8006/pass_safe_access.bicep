// Not reported: safe access already, a different key than the one checked, a different object, a negated check, a key in another casing, contains on a string, a call in the true branch.
param settings object = {}
param other object = {}
param text string = 'abc'

var a = settings.?retentionDays ?? 30
var b = contains(settings, 'retentionDays') ? settings.retention : 30
var c = contains(settings, 'tier') ? other.tier : 'Standard'
var d = !contains(settings, 'tier') ? 'Standard' : settings.tier
var e = contains(settings, 'Tier') ? settings.tier : 'Standard'
var f = contains(text, 'b') ? 'yes' : 'no'
var g = contains(settings, 'name') ? toLower(settings.name) : ''

output all array = [a, b, c, d, e, f, g]
