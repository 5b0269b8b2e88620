// Bicep: a workspace subscription scoped to one API.
resource subscription 'Microsoft.ApiManagement/service/workspaces/subscriptions@2023-09-01-preview' = {
  name: 'apim-contoso/team-a/partner'
  properties: {
    displayName: 'Partner'
    scope: '/apis/orders'
    state: 'active'
  }
}
