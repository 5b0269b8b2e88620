using 'pass_nullable_left_out.bicep'

param name = 'stcontoso'
