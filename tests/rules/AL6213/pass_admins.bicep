// Owner notifications on.
targetScope = 'subscription'

resource contact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso.com'
    notificationsByRole: { state: 'On', roles: [ 'Owner', 'ServiceAdmin' ] }
  }
}
