// Agent off, and Azure Backup protects the VM through a protected item whose sourceResourceId is vm.id.
param vmName string = 'vm1'

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
  }
}

resource protectedItem 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-04-01' = {
  name: 'vault1/Azure/iaasvmcontainer;iaasvmcontainerv2;rg;${vmName}/vm;iaasvmcontainerv2;rg;${vmName}'
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines'
    policyId: resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', 'vault1', 'DefaultPolicy')
    sourceResourceId: vm.id
  }
}
