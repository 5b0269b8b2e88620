// enableDoubleEncryption false through a variable.
var encrypt = false

resource cluster 'Microsoft.Kusto/clusters@2023-08-15' = {
  name: 'adx1'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    enableDoubleEncryption: encrypt
  }
}
