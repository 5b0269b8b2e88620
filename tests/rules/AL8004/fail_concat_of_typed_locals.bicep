// String concat whose arguments are strings by their declared types, with no literal: loop variables over an array of strings, lambda parameters of map() over one, and module outputs declared string.
param regions string[] = [ 'westeurope', 'northeurope' ]

module names 'modules/names.bicep' = {
  name: 'names'
}

var hosts = [for region in regions: concat(region, region)]
var pairs = [for (region, i) in regions: concat(region, regions[i])]
var upper = map(regions, r => concat(r, r))
var fromModule = concat(names.outputs.prefix, names.outputs.suffix)

output all array = [hosts, pairs, upper, fromModule]
