// No conflict: @metadata without a description, @metadata's description alone, @description
// alone, and a description decorator from another namespace (not sys).
import * as ns from 'types.bicep'

@metadata({ owner: 'platform' })
@description('Name of the storage account')
param storageName string

@metadata({ description: 'the only description' })
param sku string = 'Standard_LRS'

@description('The location')
param location string = 'westeurope'

@metadata({ description: 'kept' })
@ns.description('not the system decorator')
param tier string = 'Hot'

output all string = '${storageName}${sku}${location}${tier}'
