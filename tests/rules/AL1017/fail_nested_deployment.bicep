// The Bicep twin: a deployments resource written in Bicep with an inline inner-scope template.
resource storage 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'storage'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: { scope: 'inner' }
    parameters: {
      storageAccountType: { value: 'Premium_LRS' }
    }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        storageName: { type: 'string' }
      }
      resources: []
    }
  }
}
