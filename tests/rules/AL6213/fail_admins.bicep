// Owner notifications off through a parameter default.
targetScope = 'subscription'
param notifyOwners string = 'Off'

resource contact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso.com'
    notificationsByRole: {
      state: notifyOwners
      roles: [ 'Owner' ]
    }
  }
}
