// String booleans compile with a Bicep type warning and deploy as strings.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      allowExtensionOperations: 'true'
      windowsConfiguration: {
        provisionVMAgent: 'False'
      }
    }
  }
}
