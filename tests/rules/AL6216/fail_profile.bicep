// A log profile without Action events and without global events.
targetScope = 'subscription'

resource profile 'Microsoft.Insights/logprofiles@2016-03-01' = {
  name: 'default'
  properties: {
    locations: [ 'westeurope', 'northeurope' ]
    categories: [ 'Write', 'Delete' ]
    retentionPolicy: { enabled: false, days: 0 }
  }
}
