/*
 * case_cli: leerlijn-db case-import FILE and case-export ID.
 */
#ifndef LEERLIJN_CASE_CLI_H
#define LEERLIJN_CASE_CLI_H

#include <libpq-fe.h>

/*
 * Import the CASE 1.0 CFPackage in file in one
 * transaction; print the result to stdout, problems to stderr.  Returns
 * the exit status: 0 imported (or unchanged), 1 refused or failed.
 */
int	case_cli_import(PGconn *c, const char *base, const char *file);
/* Print the CFPackage of framework id to stdout; exit status. */
int	case_cli_export(PGconn *c, const char *base, const char *id);

#endif
