// The Managed Identity extension in Bicep: a child with parent, a nested child resource, a scale set's extension profile.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}

  resource nestedMsi 'extensions' = {
    name: 'msi-nested'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.ManagedIdentity', type: 'ManagedIdentityExtensionForWindows', typeHandlerVersion: '1.0' }
  }
}

resource msi 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'msi'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.ManagedIdentity', type: 'ManagedIdentityExtensionForWindows', typeHandlerVersion: '1.0' }
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    virtualMachineProfile: {
      extensionProfile: {
        extensions: [
          { name: 'msi', properties: { publisher: 'Microsoft.ManagedIdentity', type: 'ManagedIdentityExtensionForLinux', typeHandlerVersion: '1.0' } }
        ]
      }
    }
  }
}
