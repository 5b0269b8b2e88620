// Bicep: the name comes from a parameter with a default, directly and through a module.
param adminUsername string = 'azureuser'
@secure()
param adminPassword string

module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    adminUsername: adminUsername
    adminPassword: adminPassword
  }
}
