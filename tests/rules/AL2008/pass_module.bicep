// Both parameters declared as the convention wants and passed on to the module.
param _artifactsLocation string = deployment().properties.templateLink.uri
@secure()
param _artifactsLocationSasToken string = ''

module scripts 'modules/scripts.bicep' = {
  name: 'scripts'
  params: {
    _artifactsLocation: _artifactsLocation
    _artifactsLocationSasToken: _artifactsLocationSasToken
  }
}
