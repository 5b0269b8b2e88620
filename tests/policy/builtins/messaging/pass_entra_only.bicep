// Local authentication off everywhere and infrastructure encryption on.
var entraOnly = { disableLocalAuth: true }

resource evhns 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-entra'
  location: 'westeurope'
  sku: { name: 'Premium', tier: 'Premium' }
  properties: {
    disableLocalAuth: true
    clusterArmId: resourceId('Microsoft.EventHub/clusters', 'evhc1')
    encryption: { keySource: 'Microsoft.KeyVault', requireInfrastructureEncryption: true }
  }
}

resource sbns 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbns-entra'
  location: 'westeurope'
  sku: { name: 'Premium', tier: 'Premium' }
  properties: {
    disableLocalAuth: true
    encryption: { requireInfrastructureEncryption: true }
  }
}

resource topic 'Microsoft.EventGrid/topics@2022-06-15' = {
  name: 'egt-entra'
  location: 'westeurope'
  properties: entraOnly
}

resource domain 'Microsoft.EventGrid/domains@2022-06-15' = {
  name: 'egd-entra'
  location: 'westeurope'
  properties: entraOnly
}
