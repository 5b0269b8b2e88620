// A top-level variable read outside the loop that reuses its name (and inside a loop that does not) is used.
var zone = 'westeurope-1'
var prefix = 'zone'

var zones = [for zone in range(1, 3): '${prefix}-${zone}']

output first string = zone
output all array = zones
