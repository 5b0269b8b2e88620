// A Key Vault key for the DBFS root.
resource workspace 'Microsoft.Databricks/workspaces@2024-05-01' = {
  name: 'dbw1'
  location: 'westeurope'
  sku: { name: 'premium' }
  properties: {
    managedResourceGroupId: subscriptionResourceId('Microsoft.Resources/resourceGroups', 'dbw1-managed')
    parameters: {
      prepareEncryption: { value: true }
      encryption: {
        value: { keySource: 'Microsoft.Keyvault', KeyName: 'dbfs', keyvaulturi: 'https://kv1.vault.azure.net/', keyversion: '0123456789abcdef0123456789abcdef' }
      }
    }
  }
}
