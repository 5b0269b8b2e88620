// An encrypted variable nested in its account.
resource account 'Microsoft.Automation/automationAccounts@2023-11-01' existing = {
  name: 'contoso-automation'

  resource variable 'variables' = {
    name: 'server'
    properties: { value: '"db01"', isEncrypted: true }
  }
}
