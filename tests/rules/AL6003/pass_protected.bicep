// Bicep: the secret goes to protectedSettings.
@secure()
param dbPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: 'vm1'
}

resource setup 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'setup'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: { fileUris: [ 'https://example.org/setup.sh' ] }
    protectedSettings: { commandToExecute: 'sh setup.sh ${dbPassword}' }
  }
}
