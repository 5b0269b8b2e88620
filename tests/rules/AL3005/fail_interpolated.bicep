// An interpolated script URI (format() in ARM terms).
param baseUrl string

resource script 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'setup'
  location: resourceGroup().location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.63.0'
    retentionInterval: 'PT1H'
    primaryScriptUri: '${baseUrl}scripts/setup.sh'
  }
}
