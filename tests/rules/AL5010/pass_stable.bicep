// Generally available images in Bicep, and a SKU from a parameter without a value.
param sku string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-ga'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
    }
  }
}

resource vmUnknown 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-unknown'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: sku, version: 'latest' }
    }
  }
}
