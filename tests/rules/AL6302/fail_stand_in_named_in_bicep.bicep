// A config child of an app this file does not deploy, named with an interpolated string: the
// message names the app as the Bicep source writes it ('${appName}'), not as lowered ARM
// ('[parameters('appname')]', lower-cased).
param appName string

resource cfg 'Microsoft.Web/sites/config@2023-01-01' = {
  name: '${appName}/web'
  properties: {
    minTlsVersion: '1.0'
  }
}
