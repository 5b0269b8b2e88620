// Variables read only as arguments of a resource list function and inside a lambda.
var sasProperties = { signedExpiry: '2030-01-01T00:00:00Z', signedPermission: 'r' }
var suffix = '-x'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st1'
}

output sas string = account.listAccountSas('2023-05-01', sasProperties).accountSasToken
output names array = map([ 'a', 'b' ], n => '${n}${suffix}')
