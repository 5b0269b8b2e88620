// A VM sized by its module parameter.
param vmSize string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'worker'
  location: resourceGroup().location
  properties: { hardwareProfile: { vmSize: vmSize } }
}
