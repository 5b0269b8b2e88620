// Bicep files are not checked: the compiler writes the section.
output greeting string = 'hello'
