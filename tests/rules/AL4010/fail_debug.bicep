// A deployments resource declared in Bicep with debug logging.
resource child 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'child'
  properties: {
    mode: 'Incremental'
    debugSetting: { detailLevel: 'requestContent, responseContent' }
    templateLink: { id: resourceId('Microsoft.Resources/templateSpecs/versions', 'ts', '1.0') }
  }
}
