// Entra-only on a managed instance, and an existing server.
param subnetId string

resource mi 'Microsoft.Sql/managedInstances@2023-08-01' = {
  name: 'mi1'
  location: 'westeurope'
  sku: { name: 'GP_Gen5' }
  properties: {
    subnetId: subnetId
    administratorLogin: 'miadmin'
    administrators: { administratorType: 'ActiveDirectory', azureADOnlyAuthentication: true, login: 'admins', sid: '00000000-0000-0000-0000-000000000000' }
  }
}

resource other 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql-elsewhere'
}
