// A preview version in an explicit reference() call.
output a object = reference(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2018-03-01-preview')
