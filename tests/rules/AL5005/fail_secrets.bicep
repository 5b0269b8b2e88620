// Key Vault certificates in osProfile.secrets on a VM created without the agent.
param certificateUrl string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv1'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      windowsConfiguration: { provisionVMAgent: false }
      secrets: [
        {
          sourceVault: { id: kv.id }
          vaultCertificates: [ { certificateUrl: certificateUrl, certificateStore: 'My' } ]
        }
      ]
    }
  }
}
