// A deployments resource without debugSetting.
resource child 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'child'
  properties: {
    mode: 'Incremental'
    templateLink: { id: resourceId('Microsoft.Resources/templateSpecs/versions', 'ts', '1.0') }
  }
}
