// A module whose parameter has no description: reported when this file is linted.
param name string

output name string = name
