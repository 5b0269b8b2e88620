// The required parameter comes from the base file this one extends.
using 'templates/main.bicep'

extends 'templates/base.bicepparam'

param location = 'northeurope'
