// Bicep: a literal, a literal variable, and a literal given to a module.
@secure()
param adminPassword string

var adminUser = 'azureuser'

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'localadmin', adminPassword: adminPassword }
  }
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: resourceGroup().location
  properties: {
    virtualMachineProfile: {
      osProfile: { computerNamePrefix: 'vmss', adminUsername: adminUser, adminPassword: adminPassword }
    }
  }
}

module vm2 'modules/vm.bicep' = {
  name: 'vm2'
  params: {
    adminUsername: 'vmadmin'
    adminPassword: adminPassword
  }
}
