// A location parameter, 'global', and a module given the parameter.
param location string = resourceGroup().location

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource zone 'Microsoft.Network/dnsZones@2018-05-01' = {
  name: 'contoso.com'
  location: 'global'
}

module pip 'modules/pip.bicep' = {
  name: 'pip'
  params: { location: location }
}
