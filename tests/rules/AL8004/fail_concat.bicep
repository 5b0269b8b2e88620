// String concat: a literal argument, a string parameter, a string variable, a string function, a resource name; nested concats are reported once, on the outer call; sys.concat too.
param prefix string = 'app'
param env string = 'dev'

var suffix = 'web'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'plan-shared'
}

var a = concat(prefix, '-', env)
var b = concat(prefix, suffix)
var c = concat(toLower(prefix), env)
var d = concat(plan.name, env)
var e = concat(prefix, concat('-', env), '-x')
var f = sys.concat(env, prefix)

output all array = [a, b, c, d, e, f]
