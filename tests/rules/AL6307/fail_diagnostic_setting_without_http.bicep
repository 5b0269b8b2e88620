// A diagnostic setting that sends only console and platform logs (HTTP logs disabled in it) does not keep the HTTP logs.
param workspaceId string

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-diag-console'
  location: resourceGroup().location
  kind: 'app'
  properties: {
    siteConfig: {
      detailedErrorLoggingEnabled: true
      requestTracingEnabled: true
    }
  }
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: false }
    ]
  }
}
