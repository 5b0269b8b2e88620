// uri() joins the base and the relative path.
param baseUrl string

resource script 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'setup'
  location: resourceGroup().location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.63.0'
    retentionInterval: 'PT1H'
    primaryScriptUri: uri(baseUrl, 'scripts/setup.sh')
  }
}
