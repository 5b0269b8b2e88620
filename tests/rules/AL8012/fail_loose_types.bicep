// Loose types: object and array in a parameter, an output, a typed variable, a user-defined type, a function signature.
param settings object
param items array = []

type bag = {
  data: object
}

var copied array = items

func first(list array) object => list[0]

output result object = first(copied)
output wrapped bag = { data: settings }
