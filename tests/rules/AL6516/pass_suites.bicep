// Bicep: a CustomV2 policy with ECDHE suites only, and the strict 2022 policy on an SSL profile.
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
        'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'
      ]
    }
    sslProfiles: [
      {
        name: 'mtls'
        properties: { sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' } }
      }
    ]
  }
}
