// A slot (parent:) whose web config moves it to a supported version over the slot's own ended one.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ok'
  location: resourceGroup().location
  kind: 'app,linux'
  properties: {
    siteConfig: { linuxFxVersion: 'PYTHON|3.13' }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    siteConfig: { linuxFxVersion: 'PYTHON|3.7' }
  }
}

resource slotWeb 'Microsoft.Web/sites/slots/config@2024-04-01' = {
  parent: slot
  name: 'web'
  properties: {
    linuxFxVersion: 'PYTHON|3.12'
  }
}
