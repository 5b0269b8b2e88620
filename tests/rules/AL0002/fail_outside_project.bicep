// Files a template reads must lie in the project: an absolute path, a climb out of it and a device are refused, and each value stays unknown.
param environ string = loadTextContent('/proc/self/environ')
var passwd = loadJsonContent('../../../../../../../../etc/passwd')
var zero = loadFileAsBase64('/dev/zero')
module outside '/etc/passwd' = {
  name: 'outside'
}
output all string = '${environ}${passwd}${zero}'
