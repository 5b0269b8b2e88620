// Shared values imported by pass_bicep_features.bicep.
@export()
var tags = { owner: 'platform' }
