// Exported types, a variable and a function for the import fixtures.
@export()
type skuType = 'Standard_LRS' | 'Standard_GRS'

@export()
type tagsType = { owner: string }

@export()
var defaultSku = 'Standard_LRS'

@export()
func namingFunction(prefix string) string => '${prefix}-${uniqueString(prefix)}'
