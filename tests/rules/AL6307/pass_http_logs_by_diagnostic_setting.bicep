// HTTP logs kept by a diagnostic setting attached with scope: (the other two logs on in siteConfig); one whose logs come from a parameter without a value is unknown.
param workspaceId string
param logs array

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-diag'
  location: resourceGroup().location
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
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: false }
    ]
  }
}

resource other 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-diag-unknown'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      detailedErrorLoggingEnabled: true
      requestTracingEnabled: true
    }
  }
}

resource otherDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: other
  properties: {
    workspaceId: workspaceId
    logs: logs
  }
}
