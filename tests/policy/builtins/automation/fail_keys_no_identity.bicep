// An automation account with local (key) authentication and no identity at all.
resource aa 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aa-keys'
  location: 'westeurope'
  properties: {
    sku: { name: 'Basic' }
  }
}
