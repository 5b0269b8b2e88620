// Bicep: names about a secret, non-secure-able types, and @secure() parameters.
param keyVaultSecretName string
param secretUri string
param passwordLength int = 16
param disablePasswordAuthentication bool = true
@secure()
param adminPassword string

@allowed([ 'Enabled', 'Disabled' ])
param syncPasswords string = 'Enabled'

// typed from a resource property: an array the lowered template reads as an object
param secrets resourceInput<'Microsoft.App/sessionPools@2025-07-01'>.properties.secrets?
