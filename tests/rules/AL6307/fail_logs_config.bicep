// A logs config (parent:) that turns HTTP logs and detailed errors on but leaves failed request tracing off; a slot without kind of a Windows app.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-logs'
  location: resourceGroup().location
  kind: 'app'
  properties: {}
}

resource logs 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'logs'
  properties: {
    detailedErrorMessages: { enabled: true }
    httpLogs: { azureBlobStorage: { enabled: true, retentionInDays: 30 } }
    failedRequestsTracing: { enabled: false }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      httpLoggingEnabled: true
      detailedErrorLoggingEnabled: true
    }
  }
}
