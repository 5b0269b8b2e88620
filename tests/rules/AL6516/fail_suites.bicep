// Bicep: a CustomV2 policy at TLS 1.2 that lists a 3DES suite beside an ECDHE one.
resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-web'
  location: resourceGroup().location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    sslPolicy: {
      policyType: 'CustomV2'
      minProtocolVersion: 'TLSv1_2'
      cipherSuites: [
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'
        'TLS_RSA_WITH_3DES_EDE_CBC_SHA'
      ]
    }
    sslProfiles: [
      {
        name: 'partners'
        properties: { sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20170401' } }
      }
    ]
  }
}
