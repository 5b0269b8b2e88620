// A deployments resource, also in another casing of the type.
resource child 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'child'
  properties: {
    mode: 'Incremental'
    templateLink: { id: resourceId('Microsoft.Resources/templateSpecs/versions', 'ts', '1.0') }
  }
}

resource other 'microsoft.resources/Deployments@2024-03-01' = {
  name: 'other'
  properties: { mode: 'Incremental', templateLink: { id: resourceId('Microsoft.Resources/templateSpecs/versions', 'ts', '1.0') } }
}
