// The Bicep twin: a loop over range(0, 801).
resource pips 'Microsoft.Network/publicIPAddresses@2024-05-01' = [for i in range(0, 801): {
  name: 'pip-${i}'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}]
