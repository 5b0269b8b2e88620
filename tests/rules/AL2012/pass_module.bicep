// Every location parameter passed; params built elsewhere are not judged; registry modules are not read.
param location string = resourceGroup().location

var storageParams = { name: 'st1' }

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${uniqueString(resourceGroup().id)}'
    location: location
  }
}

module network 'modules/region.bicep' = {
  name: 'network'
  params: { region: location }
}

module other 'modules/storage.bicep' = {
  name: 'other'
  params: storageParams
}

module remote 'br/public:avm/res/storage/storage-account:0.14.0' = {
  name: 'remote'
  params: { name: 'st2' }
}
