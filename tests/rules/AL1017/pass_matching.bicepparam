// Assigns the required parameter and some optional ones; nullable and defaulted parameters may
// be left out, and a parameter of an imported type is never counted as required.
using 'templates/main.bicep'

param storageName = 'stexample001'
param tier = 'Hot'
