// Bicep: a default outside @allowed, and one outside a literal union type.
@allowed([ 'Standard_LRS', 'Standard_ZRS' ])
param storageSku string = 'Standard_RAGRS'

param tier 'Basic' | 'Premium' = 'Standard'

output s string = '${storageSku}${tier}'
