// A module that downloads artifacts: its callers must pass both parameters.
param _artifactsLocation string = deployment().properties.templateLink.uri
@secure()
param _artifactsLocationSasToken string = ''

output scriptUri string = uri(_artifactsLocation, 'install.sh${_artifactsLocationSasToken}')
