// Pinned image versions in Bicep: an image object in a variable, a scale set, a version from a parameter default.
param imageVersion string = '24.04.202409120'

var windowsImage = {
  publisher: 'MicrosoftWindowsServer'
  offer: 'WindowsServer'
  sku: '2022-datacenter-azure-edition'
  version: '20348.2762.241006'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-variable'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: windowsImage }
  }
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    virtualMachineProfile: {
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
}
