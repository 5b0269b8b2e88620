// Bicep: a parameter of a user-defined type whose `value` property is declared @secure().
type secretToSet = {
  name: string
  @secure()
  value: string
}

param secretsToSet secretToSet[]

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-app'
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in secretsToSet: {
  parent: kv
  name: secret.name
  properties: { value: secret.value }
}]
