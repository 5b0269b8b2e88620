// A module parameter set from a resource's name (known before the deployment).
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stcontoso001'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

module container 'modules/container.bicep' = {
  name: 'container'
  params: {
    prefix: st.name
  }
}
