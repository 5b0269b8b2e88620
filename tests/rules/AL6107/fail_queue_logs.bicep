// A queue service diagnostic setting with scope on an existing queue service, logging writes only.
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'contosodata'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-logs'
  scope: queues
  properties: {
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
    ]
  }
}
