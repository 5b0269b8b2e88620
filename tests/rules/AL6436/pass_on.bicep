// enableDoubleEncryption true, and an existing cluster.
resource cluster 'Microsoft.Kusto/clusters@2023-08-15' = {
  name: 'adx1'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    enableDiskEncryption: true
    enableDoubleEncryption: true
  }
}

resource other 'Microsoft.Kusto/clusters@2023-08-15' existing = {
  name: 'adx-elsewhere'
}
