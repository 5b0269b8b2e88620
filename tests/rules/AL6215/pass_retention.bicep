// A log profile kept for two years.
targetScope = 'subscription'

resource profile 'Microsoft.Insights/logprofiles@2016-03-01' = {
  name: 'default'
  properties: {
    locations: [ 'global' ]
    categories: [ 'Write', 'Delete', 'Action' ]
    retentionPolicy: { enabled: true, days: 730 }
  }
}
