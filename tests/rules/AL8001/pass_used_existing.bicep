// Existing resources used every way: a property value, parent, scope, an output, a nested-resource accessor, a declaration with nested resources, a loop, an interpolation.
param location string = resourceGroup().location

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'

  resource subnet 'subnets' existing = {
    name: 'default'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shared'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'app-secret'
  properties: { value: 'x' }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'law-central'
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stapp001'
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-law'
  scope: store
  properties: { workspaceId: logs.id }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'plan-shared'
}

resource sites 'Microsoft.Web/sites@2023-12-01' = [for i in range(0, 2): {
  name: 'app-${i}-${plan.name}'
  location: location
}]

resource parentOnly 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: 'privatelink.blob.core.windows.net'

  resource link 'virtualNetworkLinks' = {
    name: 'hub'
    location: 'global'
    properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
  }
}

output subnetId string = vnet::subnet.id
