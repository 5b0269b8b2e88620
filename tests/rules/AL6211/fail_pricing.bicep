// Defender for Key Vault set to Free through a parameter default, in a loop of plans.
targetScope = 'subscription'
param tier string = 'Free'

resource plans 'Microsoft.Security/pricings@2024-01-01' = [for plan in [ 'KeyVaults' ]: {
  name: plan
  properties: {
    pricingTier: tier
  }
}]
