// Uses the lowered template may lose: a scope of an existing resource, list function arguments, a loop, a lambda, another default.
param subscriptionId string
param resourceGroupName string
param accountName string
param prefix string = 'app'
param names array = [ '${prefix}1', '${prefix}2' ]
param sasStart string
param suffix string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: accountName
  scope: resourceGroup(subscriptionId, resourceGroupName)
}

resource containers 'Microsoft.Storage/storageAccounts@2023-05-01' = [for name in names: {
  name: name
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}]

output sas string = account.listAccountSas('2023-05-01', { signedExpiry: sasStart }).accountSasToken
output upper array = map(names, n => '${n}${suffix}')
