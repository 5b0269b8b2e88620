// A module whose location parameter has a default and is used as a location.
param location string = resourceGroup().location

resource pip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip1'
  location: location
}
