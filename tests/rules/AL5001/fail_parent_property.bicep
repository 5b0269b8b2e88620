// An extension linked to the VM with `parent:`, the agent off (form D).
@secure()
param adminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      windowsConfiguration: {
        provisionVMAgent: false
      }
    }
  }
}

resource cse 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'CustomScriptExtension'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Compute'
    type: 'CustomScriptExtension'
    typeHandlerVersion: '1.10'
    settings: { commandToExecute: 'hostname' }
  }
}
