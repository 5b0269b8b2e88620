// Module calls that leave location parameters to the module's default: one with params, one without.
param location string = resourceGroup().location

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup('rg-data')
  params: {
    name: 'st${uniqueString(resourceGroup().id)}'
  }
}

module network 'modules/region.bicep' = {
  name: 'network'
}

output l string = location
