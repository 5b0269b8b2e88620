// Event Hubs (on a dedicated cluster), Service Bus (Premium), Event Grid topic and domain, all
// with SAS keys and no infrastructure encryption.
resource cluster 'Microsoft.EventHub/clusters@2024-01-01' existing = {
  name: 'evhc1'
}

resource evhns 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-keys'
  location: 'westeurope'
  sku: { name: 'Premium', tier: 'Premium' }
  properties: {
    disableLocalAuth: false
    clusterArmId: cluster.id
  }
}

resource sbns 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbns-keys'
  location: 'westeurope'
  sku: { name: 'Premium', tier: 'Premium' }
  properties: {
    encryption: { requireInfrastructureEncryption: false }
  }
}

resource topic 'Microsoft.EventGrid/topics@2022-06-15' = {
  name: 'egt-keys'
  location: 'westeurope'
  properties: {}
}

resource domain 'Microsoft.EventGrid/domains@2022-06-15' = {
  name: 'egd-keys'
  location: 'westeurope'
  properties: { disableLocalAuth: false }
}
