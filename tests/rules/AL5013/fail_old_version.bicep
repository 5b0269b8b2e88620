// Old Az PowerShell versions in Bicep: a literal, and a version from a parameter default (which the Bicep linter does not read).
param psVersion string = '10.4'

resource literal 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'literal'
  location: 'westeurope'
  kind: 'AzurePowerShell'
  properties: {
    azPowerShellVersion: '8.0'
    scriptContent: 'Write-Output "hi"'
    retentionInterval: 'PT1H'
  }
}

resource fromParam 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'from-parameter'
  location: 'westeurope'
  kind: 'AzurePowerShell'
  properties: {
    azPowerShellVersion: psVersion
    scriptContent: 'Write-Output "hi"'
    retentionInterval: 'PT1H'
  }
}
