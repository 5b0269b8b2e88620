// Windows apps on ended runtimes: .NET 8 (ended 2026-11-10), PHP 7.4, a slot with Node ~16 and a function app with PowerShell 7.2 from a parameter default.
param psVersion string = '7.2'

resource dotnet 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-net8'
  location: resourceGroup().location
  properties: {
    siteConfig: { netFrameworkVersion: 'v8.0' }
  }
}

resource php 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-php'
  location: resourceGroup().location
  properties: {
    siteConfig: { phpVersion: '7.4' }
  }

  resource slot 'slots' = {
    name: 'staging'
    location: resourceGroup().location
    properties: {
      siteConfig: { nodeVersion: '~16' }
    }
  }
}

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-ps'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    siteConfig: { powerShellVersion: psVersion }
  }
}
