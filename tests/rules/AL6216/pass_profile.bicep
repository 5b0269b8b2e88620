// A complete log profile.
targetScope = 'subscription'

resource profile 'Microsoft.Insights/logprofiles@2016-03-01' = {
  name: 'default'
  properties: {
    locations: [ 'global', 'westeurope' ]
    categories: [ 'Write', 'Delete', 'Action' ]
    retentionPolicy: { enabled: false, days: 0 }
  }
}
