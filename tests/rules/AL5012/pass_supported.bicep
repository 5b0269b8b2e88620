// Not reported in Bicep: Windows Server 2019, a SKU from a parameter without a value, a 2012 image with the agent off, a SQL Server image on Windows Server 2022.
param windowsOSVersion string

resource vm2019 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-2019'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-Datacenter', version: 'latest' } }
  }
}

resource vmUnknown 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-unknown'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: windowsOSVersion, version: 'latest' } }
  }
}

resource vmAgentOff 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-agent-off'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm-agent-off', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
    storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2012-R2-Datacenter', version: 'latest' } }
  }
}

resource vmSql 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-sql'
  location: 'westeurope'
  properties: {
    storageProfile: { imageReference: { publisher: 'MicrosoftSQLServer', offer: 'sql2022-ws2022', sku: 'standard-gen2', version: 'latest' } }
  }
}
