// A module for the module fixtures: name is required, sku has a default.
param name string
param sku string = 'Standard_LRS'

output id string = name
