// Bicep: a secure parameter and a resource's listKeys() in settings.commandToExecute.
@secure()
param dbPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: 'vm1'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st1'
}

resource setup 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'setup'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: {
      commandToExecute: 'sh setup.sh ${dbPassword}'
    }
  }
}

resource mount 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'mount'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Compute'
    type: 'CustomScriptExtension'
    typeHandlerVersion: '1.10'
    settings: {
      commandToExecute: 'powershell -File mount.ps1 -Key ${storage.listKeys().keys[0].value}'
    }
  }
}
