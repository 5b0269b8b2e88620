// Bicep modules are inner-scoped: passing a secure parameter to one is fine.
@secure()
param adminPassword string

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: { adminPassword: adminPassword }
}
