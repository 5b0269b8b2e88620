// A loop of 800 in Bicep is allowed.
resource pips 'Microsoft.Network/publicIPAddresses@2024-05-01' = [for i in range(0, 800): {
  name: 'pip-${i}'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}]
