// The same module with its default (1.2) and with a value the caller does not know.
param tls string

module site 'modules/site.bicep' = {
  name: 'site'
  params: {
    name: 'app-module'
  }
}

module other 'modules/site.bicep' = {
  name: 'other'
  params: {
    name: 'app-other'
    minTls: tls
  }
}
