// Not reported: the any() function, names that contain 'any', precise types.
param count int = 1
param anyName string = 'company'

type company = { name: string }

var converted = any(count)

output name string = anyName
output value object = { v: converted }
output c company = { name: anyName }
