// resourceId() whose type is glued together with concat() in Bicep.
param vnetName string

output subnetId string = resourceId(concat('Microsoft.Network/', 'virtualNetworks/subnets'), vnetName, 'default')
