// 900 existing references are not deployed and do not count.
param names array = range(0, 900)

resource pips 'Microsoft.Network/publicIPAddresses@2024-05-01' existing = [for n in names: {
  name: 'pip-${n}'
}]

output first string = pips[0].id
