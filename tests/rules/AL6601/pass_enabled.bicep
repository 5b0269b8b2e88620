// Encryption at host on, in Bicep; an existing VM is not judged.
resource old 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: 'legacy'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    securityProfile: { encryptionAtHost: true }
  }
}
