// A resource named like a parameter, a variable declared twice and an output declared twice:
// Bicep reports BCP028 (BCP145 for outputs) and compiles nothing. A local loop variable and an
// output may share a file-level name.
param st string = 'st1'

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

var names = [for st in range(0, 2): 'n${st}']
var names = []

output names array = names
output names string = 'x'
