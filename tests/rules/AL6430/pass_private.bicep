// Disabled, and an existing workspace.
resource workspace 'Microsoft.Databricks/workspaces@2024-05-01' = {
  name: 'dbw1'
  location: 'westeurope'
  sku: { name: 'premium' }
  properties: {
    managedResourceGroupId: subscriptionResourceId('Microsoft.Resources/resourceGroups', 'dbw1-managed')
    publicNetworkAccess: 'Disabled'
    requiredNsgRules: 'NoAzureDatabricksRules'
  }
}

resource other 'Microsoft.Databricks/workspaces@2024-05-01' existing = {
  name: 'dbw-elsewhere'
}
