// A Linux VM has no Windows Update; a Windows VM whose flag has no known value is not judged.
param autoUpdates bool

resource linux 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true } }
  }
}

resource windows 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm2'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm2', adminUsername: 'azureadmin', windowsConfiguration: { enableAutomaticUpdates: autoUpdates } }
  }
}
