// An existing deployments reference and a module are fine.
resource past 'Microsoft.Resources/deployments@2024-03-01' existing = {
  name: 'past'
}

output state string = past.properties.provisioningState
