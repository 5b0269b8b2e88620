// A literal region, a variable holding one (reported at the variable), and a region passed to a module.
var region = 'northeurope'

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource st2 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st2'
  location: region
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

module pip 'modules/pip.bicep' = {
  name: 'pip'
  params: { location: 'eastus' }
}
