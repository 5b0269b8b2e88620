// The .bicepparam beside this file leaves the nullable parameter out: deployed with it, the
// parameter is null, so the conditional account is not deployed (it was taken as unknown).
param name string
param secondName string?

resource second 'Microsoft.Storage/storageAccounts@2023-01-01' = if (!empty(secondName)) {
  name: secondName!
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

output n string = name
