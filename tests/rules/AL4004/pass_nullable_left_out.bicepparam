// Leaves the nullable parameter secondName out: deployed with this file, it is null.
using 'pass_nullable_left_out.bicep'

param name = 'stcontoso'
