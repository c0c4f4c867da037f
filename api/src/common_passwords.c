/* Placeholder until the list is generated (see common_passwords.h). */
#include "common_passwords.h"

const char *const	common_passwords[] = { "" };
const size_t		common_passwords_count = 0;
