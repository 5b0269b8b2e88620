// A Flexible scale set without a VM profile, and one whose flag has no known value.
param autoUpgrade bool

resource flex 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: resourceGroup().location
  properties: { orchestrationMode: 'Flexible', platformFaultDomainCount: 1 }
}

resource uniform 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss2'
  location: resourceGroup().location
  properties: {
    upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: autoUpgrade } }
    virtualMachineProfile: {
      storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } }
    }
  }
}
