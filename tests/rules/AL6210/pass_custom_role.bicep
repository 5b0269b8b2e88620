// An existing role definition is only referred to.
targetScope = 'subscription'

resource reader 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  name: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
}
