// Current Bicep syntax parses: types, imports, spread, safe access, lambdas, loops, assertions.
import { tags as defaultTags } from 'shared.bicep'

@export()
type settings = {
  @description('the name')
  name: string
  size: ('small' | 'large')?
}

param config settings
param extraTags object = {}
param items array = []

var merged = { ...defaultTags, ...extraTags }
var names = map(items, item => item.?name ?? 'none')
var first = items[?0]
var last = items[^1]

func prefixed(value string) string => 'x-${value}'

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = [for (item, i) in items: if (!empty(item)) {
  name: prefixed('${config.name}${i}')
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: config.?size == 'large' ? 'Standard_GRS' : 'Standard_LRS' }
  tags: merged
}]

output count int = length(names)
output firstItem object = first!
output lastItem object = last
