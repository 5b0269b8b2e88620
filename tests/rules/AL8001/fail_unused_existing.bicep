// Unused existing resources: a plain one, one in another resource group, a conditional one; a deployed resource that is not used is not this rule's business.
param location string = resourceGroup().location

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shared'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'law-central'
  scope: resourceGroup('rg-monitoring')
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = if (location == 'westeurope') {
  name: 'id-app'
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapp001'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
