// Bicep: allowed defaults, and a default only known at deployment.
@allowed([ 'Standard_LRS', 'Standard_ZRS' ])
param storageSku string = 'Standard_LRS'

@allowed([ 'westeurope', 'northeurope' ])
param location string = resourceGroup().location

output s string = '${storageSku}${location}'
