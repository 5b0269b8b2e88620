// A host in an interpolated string and one in a plain string.
param storageName string

var authority = 'https://login.microsoftonline.com/'
output blob string = 'https://${storageName}.blob.core.windows.net/'
output auth string = authority
