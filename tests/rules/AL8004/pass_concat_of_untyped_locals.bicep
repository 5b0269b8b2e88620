// Not reported: concat() of loop variables and lambda parameters whose array is not known to hold strings, of module outputs declared array or unknown, and of arrays.
param things array = [ 'a', 'b' ]
param lists array[] = [ [ 'a' ], [ 'b' ] ]

module names 'modules/names.bicep' = {
  name: 'names'
}

var fromUntyped = [for thing in things: concat(thing, thing)]
var fromLists = map(lists, l => concat(l, l))
var zones = concat(names.outputs.zones, names.outputs.zones)
var unknownOutput = concat(names.outputs.missing, names.outputs.missing)

output all array = [fromUntyped, fromLists, zones, unknownOutput]
