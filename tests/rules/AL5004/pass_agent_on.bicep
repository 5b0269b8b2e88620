// The same association with the agent on.
param dcrId string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', linuxConfiguration: { provisionVMAgent: true } }
  }
}

resource dcra 'Microsoft.Insights/dataCollectionRuleAssociations@2023-03-11' = {
  name: 'dcra1'
  scope: vm
  properties: { dataCollectionRuleId: dcrId }
}
