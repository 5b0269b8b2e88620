// No anonymous pull, no admin user, deny by default with public access off, exports disabled.
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrclosed'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleSet: { defaultAction: 'Deny' }
    policies: {
      exportPolicy: { status: 'disabled' }
    }
  }
}
