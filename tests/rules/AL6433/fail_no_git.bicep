// No Git configuration in Bicep.
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-dev'
  location: 'westeurope'
  properties: {}
}
