// A custom role in Bicep.
targetScope = 'subscription'

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'reader-plus')
  properties: {
    roleName: 'Reader plus'
    permissions: [ { actions: [ '*/read' ] } ]
    assignableScopes: [ subscription().id ]
  }
}
