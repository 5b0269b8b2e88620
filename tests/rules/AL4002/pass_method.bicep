// A method call on a resource uses the resource's own version (checked by api-version-not-recent).
resource st 'Microsoft.Storage/storageAccounts@2019-06-01' existing = {
  name: 'st1'
}

output key string = st.listKeys().keys[0].value
