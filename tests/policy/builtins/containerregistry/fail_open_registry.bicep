// A registry with anonymous pull, the admin user, public network access and exports enabled.
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acropen'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: true
    anonymousPullEnabled: true
    publicNetworkAccess: 'Enabled'
    networkRuleSet: {
      defaultAction: 'Allow'
    }
    policies: {
      exportPolicy: { status: 'enabled' }
    }
  }
}
