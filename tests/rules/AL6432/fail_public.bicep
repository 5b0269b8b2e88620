// Public access by default in Bicep.
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf1'
  location: 'westeurope'
  properties: {}
}
