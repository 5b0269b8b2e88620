// Anonymous pull written as the string "true".
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crapp1'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: { anonymousPullEnabled: 'true' }
}
