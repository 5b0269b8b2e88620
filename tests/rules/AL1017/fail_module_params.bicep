// A module given a parameter its file does not declare (on the name), and one not given its
// required parameter (on the module's name); a module whose condition is false is not checked.
module good 'modules/storage.bicep' = {
  name: 'good'
  params: { name: 'st1' }
}

module unknown 'modules/storage.bicep' = {
  name: 'unknown'
  params: {
    name: 'st2'
    storageAccountType: 'Premium_LRS'
  }
}

module missing 'modules/storage.bicep' = {
  name: 'missing'
  params: { sku: 'Standard_GRS' }
}

module off 'modules/storage.bicep' = if (false) {
  name: 'off'
  params: { nope: 1 }
}
