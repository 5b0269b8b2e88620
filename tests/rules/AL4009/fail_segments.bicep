// A missing name segment in Bicep.
output subnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1')
