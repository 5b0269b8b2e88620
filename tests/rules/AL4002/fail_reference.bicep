// An explicit reference() call with an old version.
output blob string = reference(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2016-01-01').primaryEndpoints.blob
