// Queue logs through the allLogs group on a queue service this file deploys, and logs built by a loop over an unknown list.
param categories array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'contosodata'

  resource queues 'queueServices' = {
    name: 'default'
  }
}

resource everything 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'everything'
  scope: account::queues
  properties: {
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
  }
}

resource chosen 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'chosen'
  scope: account::queues
  properties: {
    logs: [for c in categories: { category: c, enabled: true }]
  }
}
