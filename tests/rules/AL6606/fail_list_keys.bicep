// Custom data that carries a storage key from listKeys().
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stapp'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      customData: base64('STORAGE_KEY=${st.listKeys().keys[0].value}')
    }
  }
}
