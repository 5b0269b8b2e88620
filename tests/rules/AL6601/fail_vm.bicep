// A VM in Bicep with encryptionAtHost false.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    securityProfile: { encryptionAtHost: false }
  }
}
