// Not reported in Bicep: a recent version, the version chosen by kind (the AVM pattern, unknown kind), an Azure CLI script.
param kind string
param azPowerShellVersion string?

resource recent 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'recent'
  location: 'westeurope'
  kind: 'AzurePowerShell'
  properties: {
    azPowerShellVersion: '12.3'
    scriptContent: 'Write-Output "hi"'
    retentionInterval: 'PT1H'
  }
}

resource byKind 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'by-kind'
  location: 'westeurope'
  kind: any(kind)
  properties: {
    azPowerShellVersion: kind == 'AzurePowerShell' ? azPowerShellVersion : null
    scriptContent: 'Write-Output "hi"'
    retentionInterval: 'PT1H'
  }
}

resource cli 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'cli'
  location: 'westeurope'
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.52.0'
    scriptContent: 'echo hi'
    retentionInterval: 'PT1H'
  }
}
