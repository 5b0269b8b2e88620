// The parameter values for pass_bicepparam_true.bicep: the agent is on.
using 'pass_bicepparam_true.bicep'

param agent = true
