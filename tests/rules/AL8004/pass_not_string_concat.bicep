// Not reported: concat of arrays (literals, array parameters, variables holding arrays), one argument, arguments of unknown type, interpolation, a method named concat.
param first array = [ 1 ]
param second array = [ 2 ]
param anything object = {}

var joined = concat(first, second)
var literalArrays = concat([ 'a' ], [ 'b' ])
var single = concat('only')
var unknownTypes = concat(anything.x, anything.y)
var interpolated = '${first[0]}-${second[0]}'
var arrays = concat(first, [ 3 ])

output all array = [joined, literalArrays, single, unknownTypes, interpolated, arrays]
