// Bicep secure parameters with the defaults the peers allow.
@secure()
param emptyPassword string = ''

@secure()
param emptySettings object = {}

@secure()
param generated string = newGuid()

@secure()
param required string

param sku string = 'Standard_LRS'
