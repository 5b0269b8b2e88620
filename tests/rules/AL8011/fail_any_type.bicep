// The type any in a parameter, a qualified sys.any, an output, a typed variable, a user-defined type property, a function signature.
param settings any
param qualified sys.any

type config = {
  extra: any
}

var loose any = settings

func pass(v any) any => v

output result any = pass(loose)
output shaped config = { extra: qualified }
