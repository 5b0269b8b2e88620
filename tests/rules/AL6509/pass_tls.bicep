// Bicep: the strict 2022 policy on the gateway and on its SSL profile.
resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-web'
  location: resourceGroup().location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' }
    sslProfiles: [
      {
        name: 'mtls'
        properties: { sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' } }
      }
    ]
  }
}
