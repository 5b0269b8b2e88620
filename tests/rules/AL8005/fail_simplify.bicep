// Needless interpolation of string symbols: a property value, a variable, an output, a parameter default; parameters declared string, through a user type and a union of literals, and a variable holding a string.
type nameType = string

param storageName string
param vaultName nameType
param tier 'Basic' | 'Standard' = 'Basic'
param copyOfName string = '${storageName}'

var label = 'app'
var fromVar = '${label}'

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${storageName}'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  tags: { tier: '${tier}', vault: '${vaultName}' }
}

output name string = '${storageName}'
output other string = '${fromVar}${copyOfName}'
