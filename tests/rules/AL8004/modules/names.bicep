// A module whose outputs are declared strings (and one array), for the callers' concat() cases.
output prefix string = 'app'
output suffix string = 'web'
output zones array = [ '1', '2' ]
