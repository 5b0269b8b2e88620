// Types for templates/main.bicep.
@export()
type skuType = { name: string }
