// A vault whose firewall allows by default through a parameter default.
param defaultAction string = 'Allow'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'contoso-kv'
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    networkAcls: {
      defaultAction: defaultAction
    }
  }
}
