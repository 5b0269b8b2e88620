// The Bicep twin: no decorator, a blank @description (on the text), a blank description inside
// @metadata; described parameters are fine.
param storageName string

@description('')
param sku string = 'Standard_LRS'

@metadata({ description: ' ' })
param location string = 'westeurope'

@sys.description('The access tier.')
param tier string = 'Hot'

output all string = '${storageName}${sku}${location}${tier}'
