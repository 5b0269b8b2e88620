// Parameters given with a spread may include the required ones; a registry module cannot be
// read; parameter names match in any casing for modules, as Resource Manager matches them.
var common = { name: 'st1' }

module spread 'modules/storage.bicep' = {
  name: 'spread'
  params: { ...common, sku: 'Standard_LRS' }
}

module cased 'modules/storage.bicep' = {
  name: 'cased'
  params: { Name: 'st2' }
}

module remote 'br/public:avm/res/storage/storage-account:0.9.0' = {
  name: 'remote'
  params: { anything: 'x' }
}
