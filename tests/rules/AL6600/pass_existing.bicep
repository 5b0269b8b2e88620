// An existing VM is not deployed by this template and is not judged; a key-only scale set beside it passes.
resource old 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: 'legacy-vm'
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: resourceGroup().location
  properties: {
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vmss'
        adminUsername: 'azureuser'
        linuxConfiguration: { disablePasswordAuthentication: true }
      }
    }
  }
}
