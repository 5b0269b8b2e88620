// Bicep location defaults that follow the deployment.
targetScope = 'subscription'

param location string = deployment().location

output l string = location
