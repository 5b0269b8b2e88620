// Bicep: a workspace named value linked with parent: to an existing workspace.
@secure()
param token string

resource workspace 'Microsoft.ApiManagement/service/workspaces@2023-09-01-preview' existing = {
  name: 'apim-contoso/team-a'
}

resource namedValue 'Microsoft.ApiManagement/service/workspaces/namedValues@2023-09-01-preview' = {
  parent: workspace
  name: 'token'
  properties: { displayName: 'token', secret: true, value: token }
}
