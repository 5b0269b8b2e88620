// A custom owner role in a subscription-scope Bicep file.
targetScope = 'subscription'

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'platform-admin')
  properties: {
    roleName: 'Platform admin'
    type: 'CustomRole'
    permissions: [
      {
        actions: [ '*' ]
      }
    ]
    assignableScopes: [ subscription().id ]
  }
}
