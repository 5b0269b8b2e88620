// Quoted names that are identifiers: object keys at any depth (also in a resource body and a decorator), bracket access, safe bracket access.
@metadata({ 'owner': 'platform' })
param settings object = {
  'retentionDays': 7
  nested: { '_private': true }
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapp001'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { 'name': 'Standard_LRS' }
}

output days int = settings['retentionDays']
output maybe bool = settings.nested[?'_private']
