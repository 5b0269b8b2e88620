// Bicep: a resource's listKeys(), a secure parameter inside an interpolation, a password-named output.
@secure()
param adminPassword string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st1'
}

output storageKey string = storage.listKeys().keys[0].value
output connection string = 'Server=db;Password=${adminPassword}'
output adminPasswordHint string = 'see the vault'
