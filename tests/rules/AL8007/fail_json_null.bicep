// json('null') in a property, a ternary, with spaces inside the string, and as sys.json.
param enableTags bool = false

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapp001'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  tags: enableTags ? { env: 'dev' } : json('null')
  properties: {
    customDomain: json(' null ')
    azureFilesIdentityBasedAuthentication: sys.json('null')
  }
}
