// An Enterprise service injected into a virtual network.
param runtimeSubnet string
param appSubnet string

resource spring 'Microsoft.AppPlatform/Spring@2023-12-01' = {
  name: 'spring1'
  location: resourceGroup().location
  sku: { name: 'E0', tier: 'Enterprise' }
  properties: { networkProfile: { serviceRuntimeSubnetId: runtimeSubnet, appSubnetId: appSubnet } }
}
