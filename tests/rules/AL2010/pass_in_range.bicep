// Bicep defaults within their decorators.
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@maxLength(11)
param storagePrefix string = 'app'

output o string = '${instanceCount}${storagePrefix}'
