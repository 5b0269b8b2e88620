// The caller gives a local module TLS 1.0 for the app's web config: the finding is at the module, where the value comes from.
module site 'modules/site.bicep' = {
  name: 'site'
  params: {
    name: 'app-module'
    minTls: '1.0'
  }
}
