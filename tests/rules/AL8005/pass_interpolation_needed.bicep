// Not reported: interpolation that converts an int, a bool or an object to a string, text around the interpolation, a loop variable, a function call, an argument position, an untyped parameter of unknown kind.
param port int = 443
param enabled bool = true
param settings object = {}
param names array = [ 'a', 'b' ]
param name string = 'x'

var portText = '${port}'
var flag = '${enabled}'
var json = '${settings}'
var prefixed = 'st${name}'
var lower = '${toLower(name)}'
var loop = [for n in names: { value: '${n}' }]
var arg = length('${name}')

output all array = [portText, flag, json, prefixed, lower, loop, arg]
