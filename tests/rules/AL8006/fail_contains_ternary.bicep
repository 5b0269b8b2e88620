// contains() guards that safe access replaces: a property access, an index access with the same key expression, a nested object path, sys.contains, a ternary fallback (parenthesised in the suggestion).
param settings object = {}
param key string = 'retention'

var a = contains(settings, 'retentionDays') ? settings.retentionDays : 30
var b = contains(settings, key) ? settings[key] : null
var c = contains(settings.logs, 'level') ? settings.logs.level : 'Warning'
var d = sys.contains(settings, 'tier') ? settings.tier : 'Standard'
var e = contains(settings, 'zone') ? settings.zone : empty(key) ? '1' : '2'

output all array = [a, b, c, d, e]
