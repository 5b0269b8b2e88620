// A file inside the project is read as the compiler reads it: no finding.
var own = loadTextContent('pass_load_inside_project.bicep')
output o string = own
