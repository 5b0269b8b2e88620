// A loop variable or lambda parameter with the name of a top-level variable hides it: the reads inside the loop and the lambda are of the local name, so the top-level variables are unused.
var zone = 'westeurope-1'
var name = 'unused-too'

var zones = [for zone in range(1, 3): 'zone-${zone}']
var names = map(['a', 'b'], name => toUpper(name))

output all array = concat(zones, names)
