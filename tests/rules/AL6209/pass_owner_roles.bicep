// A narrow custom role at subscription scope.
targetScope = 'subscription'

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'vm-operator')
  properties: {
    roleName: 'VM operator'
    type: 'CustomRole'
    permissions: [ { actions: [ 'Microsoft.Compute/virtualMachines/start/action' ] } ]
    assignableScopes: [ subscription().id ]
  }
}
