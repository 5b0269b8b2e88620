// Preview images in Bicep: an image object in a variable, a SKU from a parameter default (which the Bicep linter does not see), a scale set.
param sku string = '2025-datacenter-azure-edition-preview'

var previewImage = {
  publisher: 'MicrosoftWindowsServer'
  offer: 'WindowsServer-preview'
  sku: '2019-Datacenter'
  version: 'latest'
}

resource vmVariable 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-variable'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: previewImage }
  }
}

resource vmParam 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-param'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: sku, version: 'latest' }
    }
  }
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    virtualMachineProfile: {
      storageProfile: {
        imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest-preview' }
      }
    }
  }
}
