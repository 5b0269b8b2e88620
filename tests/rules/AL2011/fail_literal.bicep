// A Bicep location parameter with a fixed region as its default.
param location string = 'westeurope'

output l string = location
