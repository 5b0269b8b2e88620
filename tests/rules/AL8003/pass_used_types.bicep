// Types used by a parameter, an output, a typed variable, a function, another type, itself (recursive), a nullable use; an exported type is never reported.
type skuType = 'Standard_LRS' | 'Standard_GRS'

type ruleType = {
  action: 'Allow' | 'Deny'
}

type rulesType = ruleType[]

type nodeType = {
  name: string
  next: nodeType?
}

type outType = { id: string }

type varType = string

type fnType = int

@export()
type sharedType = { owner: string }

param sku skuType = 'Standard_LRS'
param rules rulesType = []
param chain nodeType?

var label varType = 'x'

func double(v fnType) fnType => v * 2

output result outType = { id: '${sku}-${label}-${double(2)}-${length(rules)}-${chain.?name ?? ''}' }
