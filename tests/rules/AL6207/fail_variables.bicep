// A variable linked with parent, encrypted off through a string.
resource account 'Microsoft.Automation/automationAccounts@2023-11-01' existing = {
  name: 'contoso-automation'
}

resource variable 'Microsoft.Automation/automationAccounts/variables@2023-11-01' = {
  parent: account
  name: 'server'
  properties: {
    value: '"db01"'
    isEncrypted: 'False'
  }
}
