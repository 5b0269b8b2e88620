// A property loop's body is checked as the compiled JSON's copy input is: timeGrain null in the
// metrics loop is reported (the compiler writes it into main.json), the variable's loop is data.
param metricCategories array = [
  'AllMetrics'
]

var defaults = [for c in metricCategories: {
  category: c
  retention: null
}]

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag'
  properties: {
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', 'logs')
    metrics: [for c in metricCategories: {
      category: c
      timeGrain: null
      enabled: true
      tags: {}
    }]
    logs: [for (l, i) in ['audit']: {
      category: l
      retentionPolicy: {
        days: ''
        enabled: false
      }
    }]
  }
}

output d array = defaults
