// Assigns a name the template does not declare and one in the wrong casing (names are
// case-sensitive in Bicep), and leaves out the required storageName (reported on the using path).
using 'templates/main.bicep'

param storageAccountName = 'stexample001'
param Location = 'northeurope'
param tags = {}
