// allowExtensionOperations is false on a VM that declares a nested extension.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      allowExtensionOperations: false
    }
  }

  resource ama 'extensions' = {
    name: 'AzureMonitorWindowsAgent'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorWindowsAgent', typeHandlerVersion: '1.0' }
  }
}
