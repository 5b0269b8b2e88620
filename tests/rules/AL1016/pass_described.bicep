// @description, @sys.description, a description in @metadata alone, and a description that is
// an interpolation all count; a module's own parameters are checked on its own file.
@description('Prefix of the names.')
param prefix string = 'st'

@description('Name of the storage account.')
param storageName string

@metadata({ description: 'The SKU.', owner: 'platform' })
param sku string = 'Standard_LRS'

@sys.description('Where ${prefix} goes.')
param location string = 'westeurope'

module undocumented 'modules/undocumented.bicep' = {
  name: 'undocumented'
  params: { name: storageName }
}

output all string = '${storageName}${sku}${location}'
