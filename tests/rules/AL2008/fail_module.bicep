// A module with the artifacts parameters is called without them; the token is not secure here.
param _artifactsLocation string = deployment().properties.templateLink.uri
param _artifactsLocationSasToken string = ''

module scripts 'modules/scripts.bicep' = {
  name: 'scripts'
  params: {
    _artifactsLocation: _artifactsLocation
  }
}

output u string = '${_artifactsLocation}${_artifactsLocationSasToken}'
