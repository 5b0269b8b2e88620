// Sizes from parameters in Bicep: a parameter, a property of an object parameter, a loop over a parameter array, a parameter passed on to a module.
param vmSize string = 'Standard_D2s_v5'
param cluster object = { nodeSize: 'Standard_D4ds_v5' }
param workers array = [ { name: 'w1', size: 'Standard_B2s' } ]

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-param'
  location: resourceGroup().location
  properties: { hardwareProfile: { vmSize: vmSize } }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-08-01' = {
  name: 'aks1'
  location: resourceGroup().location
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [ { name: 'system', count: 3, vmSize: cluster.nodeSize, mode: 'System' } ]
  }
}

resource workerVms 'Microsoft.Compute/virtualMachines@2024-07-01' = [for w in workers: {
  name: w.name
  location: resourceGroup().location
  properties: { hardwareProfile: { vmSize: w.size } }
}]

module more 'modules/vm.bicep' = {
  name: 'more'
  params: { vmSize: vmSize }
}
