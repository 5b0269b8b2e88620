// providers().apiVersions read in a Bicep output.
output api string = providers('Microsoft.Web', 'sites').apiVersions[0]
