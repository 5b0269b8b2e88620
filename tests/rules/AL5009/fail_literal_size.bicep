// Sizes written in Bicep: a literal, a variable, a literal passed to a module's vmSize parameter, a node pool resource.
param location string = resourceGroup().location

var jumpboxSize = 'Standard_B2s'

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-literal'
  location: location
  properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' } }
}

resource jumpbox 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-jumpbox'
  location: location
  properties: { hardwareProfile: { vmSize: jumpboxSize } }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-08-01' existing = {
  name: 'aks1'
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-08-01' = {
  parent: aks
  name: 'user'
  properties: { count: 2, vmSize: 'Standard_D4ds_v5', mode: 'User' }
}

module workers 'modules/vm.bicep' = {
  name: 'workers'
  params: {
    vmSize: 'Standard_D8s_v5'
  }
}
