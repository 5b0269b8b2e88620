// Other extensions in Bicep and an MI extension in a branch that is not deployed.
param legacy bool = false

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource ama 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'AzureMonitorWindowsAgent'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorWindowsAgent', typeHandlerVersion: '1.0' }
}

resource msi 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = if (legacy) {
  parent: vm
  name: 'msi'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.ManagedIdentity', type: 'ManagedIdentityExtensionForWindows', typeHandlerVersion: '1.0' }
}
