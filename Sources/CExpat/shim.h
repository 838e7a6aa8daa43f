// expat.h hides the billion-laughs protection setters behind XML_DTD.
#define XML_DTD 1
#include <expat.h>
