// Bicep secure parameters with written defaults: a string, an object, an interpolated string.
@secure()
param adminPassword string = 'P@ssw0rd1234!'

@secure()
param settings object = { apiKey: 'abc123' }

@secure()
param derived string = 'Pw-${uniqueString(resourceGroup().id)}'

output n int = length(adminPassword) + length(derived) + length(string(settings))
