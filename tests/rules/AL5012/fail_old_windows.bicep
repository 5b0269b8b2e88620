// Old Windows Server images in Bicep: an image object in a variable, a SKU from a parameter default, a Windows Server 2012 SKU with a suffix.
param windowsOSVersion string = '2012-Datacenter'

var legacyImage = {
  publisher: 'MicrosoftWindowsServer'
  offer: 'WindowsServer'
  sku: '2012-R2-Datacenter-smalldisk'
  version: 'latest'
}

resource vmVariable 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-variable'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: legacyImage }
  }
}

resource vmParam 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-param'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm-param', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: true } }
    storageProfile: {
      imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: windowsOSVersion, version: 'latest' }
    }
  }
}
