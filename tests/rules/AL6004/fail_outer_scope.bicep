// Bicep: a deployments resource with an inline, outer-scoped template that reads a secure parameter.
@secure()
param adminPassword string

resource sql 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'sql'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        {
          type: 'Microsoft.Sql/servers'
          apiVersion: '2023-08-01'
          name: 'sql-app'
          location: resourceGroup().location
          properties: {
            administratorLogin: 'sqladmin'
            administratorLoginPassword: adminPassword
          }
        }
      ]
    }
  }
}
