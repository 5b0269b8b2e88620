// A Bicep interpolated string is format() in the template: as the first argument of
// reference() or resourceId() it is a resource ID glued together.
param name string

output ref object = reference('Microsoft.Storage/storageAccounts/${name}', '2023-01-01')
output fine string = resourceId('Microsoft.Storage/storageAccounts', '${name}st')
