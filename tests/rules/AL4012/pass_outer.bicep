// Without inner scope the symbols resolve in the outer template.
var owner = 'team-a'

resource tagging 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'tagging'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        { type: 'Microsoft.Resources/tags', apiVersion: '2024-03-01', name: 'default', properties: { tags: { owner: owner } } }
      ]
    }
  }
}
