// Imports used as a type, a variable, a function (through its alias) and a namespace (type and function); an extension declaration is not an import.
import { skuType, defaultSku, namingFunction as makeName } from 'modules/types.bicep'
import * as shared from 'modules/types.bicep'

extension microsoftGraphV1

param sku skuType = defaultSku
param tags shared.tagsType = { owner: 'platform' }

output name string = makeName('app')
output other string = shared.namingFunction('db')
output skuName string = sku
output owner string = tags.owner
