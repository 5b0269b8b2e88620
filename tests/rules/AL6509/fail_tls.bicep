// Bicep: a CustomV2 policy that still allows TLS 1.0.
resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-web'
  location: resourceGroup().location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    sslPolicy: {
      policyType: 'CustomV2'
      minProtocolVersion: 'TLSv1_0'
    }
  }
}
