// Not reported: user-defined types, typed arrays, qualified sys.object (as in the Bicep linter), the object() and array() functions.
type subnet = {
  name: string
  prefix: string
}

param subnets subnet[] = []
param names string[] = []
param raw sys.object = {}

var asArray = array('x')

output count int = length(subnets) + length(names) + length(asArray) + length(items(raw))
