// A function app with no siteConfig at all.
resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-nohc'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {}
}
