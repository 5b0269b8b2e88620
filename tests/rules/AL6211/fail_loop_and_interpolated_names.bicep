// Plans named by a loop item and by an interpolated parameter: the messages show the Bicep written, not the lowered ARM expressions.
param suffix string

resource plans 'Microsoft.Security/pricings@2024-01-01' = [for plan in ['KeyVaults', 'VirtualMachines']: {
  name: plan
  properties: { pricingTier: 'Free' }
}]

resource other 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'Storage${suffix}'
  properties: { pricingTier: 'Free' }
}
