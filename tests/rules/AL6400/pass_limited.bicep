// A narrow range, and a whole-internet rule of a flexible server whose public access is disabled.
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg1'
  location: 'westeurope'
  sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '16'
    network: { publicNetworkAccess: 'Disabled' }
  }
}

resource all 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAll'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }
}

resource office 'Microsoft.DBforMySQL/flexibleServers/firewallRules@2023-12-30' = {
  name: 'mysql1/office'
  properties: { startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }
}
