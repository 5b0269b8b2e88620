// Bicep decorators that the default breaks.
@minValue(1)
@maxValue(10)
param instanceCount int = 0

@maxLength(11)
param storagePrefix string = 'applicationstorage'

output o string = '${instanceCount}${storagePrefix}'
