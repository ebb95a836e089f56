/*
 * company.h - companies, memberships and the permission matrix (SPEC §4).
 *
 * Every company-scoped command names the permission it needs; the driver
 * resolves the company and asks ayni_role_can() before the command runs.
 */
#ifndef AYNI_COMPANY_H
#define AYNI_COMPANY_H

#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/user.h"

typedef enum ayni_perm {
	AYNI_PERM_NONE = 0,
	AYNI_PERM_VIEW,
	AYNI_PERM_UPLOAD,
	AYNI_PERM_EXPORT,
	AYNI_PERM_MANAGE_USERS,
	AYNI_PERM_DELETE_DATA,
	AYNI_PERM_MANAGE_COMPANY
} ayni_perm;

typedef enum ayni_role {
	AYNI_ROLE_NONE = 0,
	AYNI_ROLE_VIEWER,
	AYNI_ROLE_ANALYST,
	AYNI_ROLE_MANAGER,
	AYNI_ROLE_ADMIN,
	AYNI_ROLE_OWNER
} ayni_role;

/* The selected company and the caller's role in it. */
typedef struct ayni_membership {
	int64_t		company_id;
	ayni_role	role;
	char		rut[16];	/* canonical, "76123456-0" */
	char		name[256];
} ayni_membership;

/* The matrix of SPEC §4: 1 if role may do perm. */
int		 ayni_role_can(ayni_role role, ayni_perm perm);
const char	*ayni_role_name(ayni_role role);
int		 ayni_role_parse(const char *s, ayni_role *out, ayni_error *err);
const char	*ayni_perm_name(ayni_perm perm);

/*
 * Select the company a command works on: rut if given, else the session's
 * 'company use' choice, else the actor's only company; AYNI_EUSAGE asking
 * for --company when that does not decide.  A company the actor is not an
 * active member of (or that does not exist or was removed) is AYNI_EPERM,
 * with the same message either way so nothing is learnt about it.
 */
int	ayni_company_resolve(ayni_db *db, const ayni_actor *actor,
	    const char *rut, ayni_membership *out, ayni_error *err);

/*
 * Make user_id a member of company_id with role.  A removed membership is
 * re-activated with the new role; an active one is AYNI_EEXISTS.  The
 * company must exist and be active and the user must be active
 * (AYNI_ENOTFOUND otherwise).  Does not check the caller's rights: that is
 * the command's (or the driver's) job.
 */
int	ayni_member_add(ayni_db *db, int64_t company_id, int64_t user_id,
	    ayni_role role, ayni_error *err);

#endif /* AYNI_COMPANY_H */
