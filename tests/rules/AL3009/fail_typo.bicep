// A Bicep listKeys() of a misspelt type; the resource's own method call and a known type pass.
param storageName string

resource st 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageName
}

output bad string = listKeys(resourceId('Microsoft.Storage/storageAcounts', storageName), '2025-06-01').keys[0].value
output good string = st.listKeys().keys[0].value
output known object = reference(resourceId('Microsoft.Storage/storageAccounts', storageName), '2025-06-01')
