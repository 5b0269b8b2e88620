// No add-on, but a diagnostic setting attached to the cluster by scope.
resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks1'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [ { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' } ]

  }
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: aks
  properties: {
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', 'log1')
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
  }
}
