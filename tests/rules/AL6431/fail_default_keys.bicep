// No encryption parameter in Bicep.
resource workspace 'Microsoft.Databricks/workspaces@2024-05-01' = {
  name: 'dbw1'
  location: 'westeurope'
  sku: { name: 'premium' }
  properties: {
    managedResourceGroupId: subscriptionResourceId('Microsoft.Resources/resourceGroups', 'dbw1-managed')
  }
}
