// Bicep: the password comes from a secure parameter.
param adminLogin string
@secure()
param adminPassword string

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: resourceGroup().location
  properties: {
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
  }
}
