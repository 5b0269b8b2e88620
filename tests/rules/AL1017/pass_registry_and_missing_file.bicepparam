// A registry template cannot be read locally: nothing is reported.
using 'br/public:avm/res/storage/storage-account:0.9.0'

param anything = 'x'
