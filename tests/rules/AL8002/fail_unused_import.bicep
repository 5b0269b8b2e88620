// Unused imports: one name of a list, an alias (reported on the alias), a wildcard namespace.
import { skuType, tagsType, namingFunction as makeName } from 'modules/types.bicep'
import * as shared from 'modules/types.bicep'

param sku skuType = 'Standard_LRS'

output skuName string = sku
