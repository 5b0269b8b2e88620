// Bicep: the only endpoint has no WAF policy.
resource frontDoor 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fd-contoso'
  location: 'global'
  properties: {
    frontendEndpoints: [
      {
        name: 'default'
        properties: { hostName: 'fd-contoso.azurefd.net', sessionAffinityEnabledState: 'Disabled' }
      }
    ]
  }
}
