// A contact with a phone from a parameter default.
targetScope = 'subscription'
param phone string = '+1-555-0100'

resource contact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso.com'
    phone: phone
  }
}
