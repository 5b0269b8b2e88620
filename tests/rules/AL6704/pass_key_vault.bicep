// Bicep: a secret read from Key Vault with a user-assigned identity.
resource namedValue 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  name: 'apim-contoso/partner-key'
  properties: {
    displayName: 'partner-key'
    secret: true
    keyVault: {
      secretIdentifier: 'https://kv-contoso.vault.azure.net/secrets/partner-key'
      identityClientId: '00000000-0000-0000-0000-000000000000'
    }
  }
}
