// Local authentication off and a user-assigned identity.
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-automation'
}

resource aa 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aa-identity'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${uami.id}': {} }
  }
  properties: {
    sku: { name: 'Basic' }
    disableLocalAuth: true
  }
}
