// An extension declared inside the VM's body (form E); the string 'false' counts as false.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      linuxConfiguration: { provisionVMAgent: 'false' }
    }
  }

  resource ama 'extensions' = {
    name: 'AzureMonitorLinuxAgent'
    location: 'westeurope'
    properties: {
      publisher: 'Microsoft.Azure.Monitor'
      type: 'AzureMonitorLinuxAgent'
      typeHandlerVersion: '1.29'
    }
  }
}
