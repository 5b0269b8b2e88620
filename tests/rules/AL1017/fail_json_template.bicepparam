// The template can be an ARM JSON file: an unknown parameter and a missing required one.
using 'templates/main.json'

param location = 'westeurope'
param sku = 'Standard_LRS'
