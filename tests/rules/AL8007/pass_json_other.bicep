// Not reported: null itself, json() of other JSON, an interpolated argument, a variable argument.
param raw string = 'null'
param word string = 'null'

var a = null
var b = json('{"a": 1}')
var c = json('${word}')
var d = json(raw)
var e = json('"null"')

output all array = [a, b, c, d, e]
