// Bicep parameters named like secrets without @secure().
param adminPassword string
param clientSecret string
param storageAccountKey object
