// A stable version.
output a object = reference(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2025-06-01')
