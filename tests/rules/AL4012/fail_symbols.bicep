// A variable and a parameter of the file used inside an inner-scoped template.
param env string = 'dev'
var owner = 'team-a'

resource tagging 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'tagging'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: { scope: 'inner' }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        { type: 'Microsoft.Resources/tags', apiVersion: '2024-03-01', name: 'default', properties: { tags: { owner: owner, env: env } } }
      ]
    }
  }
}
