// A loop of more copies than are judged one by one (101; the cap is 100): copyIndex() stays
// unknown, so the flag that is false for the last copy only is not known and never fires.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = [for i in range(0, 101): {
  name: 'vm${i}'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm${i}'
      adminUsername: 'azureuser'
      windowsConfiguration: {
        provisionVMAgent: i != 100
      }
    }
  }
}]

resource bginfo 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = [for i in range(0, 101): {
  parent: vm[i]
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}]
