// Blanks that are values or allowed, in Bicep: parameter defaults, variables, outputs, tag values,
// module parameters (and the blank inside the module itself, reported on the module's own file),
// properties {}, an expression-keyed userAssignedIdentities entry, and a value that comes from a
// parameter with an empty default.
param prefix string = ''
param identityId string
param settings object = {}

var emptyList = []
var emptyText = ''

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-example'
  location: 'westeurope'
  tags: { owner: '', costCenter: '42' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: []
    description: prefix
  }
}

module st 'modules/blank-storage.bicep' = {
  name: 'storage'
  params: { name: '${prefix}st' }
}

output empty string = emptyText
output none array = emptyList
output config object = settings
