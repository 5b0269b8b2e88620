// Known types in reference()/list*() calls, and a call whose type cannot be told.
param storageId string

output a object = reference(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2025-06-01')
output b object = reference(storageId, '2025-06-01')
output c object = listSecrets(resourceId('Microsoft.Web/sites/functions', 'app', 'fn'), '2023-12-01')
