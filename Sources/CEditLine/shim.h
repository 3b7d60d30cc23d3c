// BSD libedit's readline-compatible API, for the line editor and history of `laminar sql`.
#include <stdio.h>
#include <editline/readline.h>
