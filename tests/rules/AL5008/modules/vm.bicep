// A VM whose image version is a module parameter.
param imageVersion string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-module'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: {
        publisher: 'Canonical'
        offer: 'ubuntu-24_04-lts'
        sku: 'server'
        version: imageVersion
      }
    }
  }
}
