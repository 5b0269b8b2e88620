// A module: modules are inner-scoped, so a secure parameter stays secure.
@secure()
param adminPassword string

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: resourceGroup().location
  properties: { administratorLogin: 'sqladmin', administratorLoginPassword: adminPassword }
}
