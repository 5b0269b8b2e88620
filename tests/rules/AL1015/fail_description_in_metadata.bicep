// A description in @metadata next to @description (also as @sys.description, in another casing,
// on an output and on a type property): each is reported on the key inside @metadata.
@metadata({
  description: 'overwritten'
  owner: 'platform'
})
@description('Name of the storage account')
param storageName string

@metadata({ Description: 'also overwritten' })
@sys.description('The account ID')
output accountName string = storageName

type settings = {
  @metadata({ description: 'overwritten too' })
  @description('The SKU')
  sku: string
}

param config settings = { sku: 'Standard_LRS' }
output sku string = config.sku
