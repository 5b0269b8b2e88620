// Bicep: a literal password and one from a literal variable.
param adminLogin string

var vmPassword = 'P@ssw0rd1234!'

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: resourceGroup().location
  properties: {
    administratorLogin: adminLogin
    administratorLoginPassword: 'Sql-P@ssw0rd!'
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: adminLogin, adminPassword: vmPassword }
  }
}
