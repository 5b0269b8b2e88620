// Not reported: names that only contain the words, a parameter ending in _var (the decompiler never renames parameters), an output ending in _resource.
param settings_var string = 'x'

var resourceName = 'stapp001'
var variable_list = [ settings_var ]

resource storage_resources 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: resourceName
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

output storage_resource string = storage_resources.id
output list array = variable_list
