/*
 * company.h - companies, memberships and the permission matrix
 * (docs/contract.md §4).
 *
 * Every company-scoped command names the permission it needs; the driver
 * resolves the company and asks ayni_role_can() before the command runs.
 */
#ifndef AYNI_COMPANY_H
#define AYNI_COMPANY_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/output.h"
#include "ayni/rut.h"
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

/* The matrix of docs/contract.md §4: 1 if role may do perm. */
int		 ayni_role_can(ayni_role role, ayni_perm perm);
/*
 * 0 if the member may do perm, else AYNI_EPERM "permission denied: an
 * analyst of '76.123.456-0' cannot upload" (the one wording for all).
 */
int		 ayni_membership_check(const ayni_membership *m, ayni_perm perm,
		    ayni_error *err);
const char	*ayni_role_name(ayni_role role);
/*
 * The role for a person, in the user's language: "an analyst" (with its
 * article in English, "analista" in Spanish), to put in a whole sentence
 * like "'%s' is now %s of '%s'".  ayni_role_name() is what scripts see.
 */
const char	*ayni_role_title(ayni_role role);
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

/* A company as stored. */
typedef struct ayni_company {
	int64_t	id;
	char	rut[AYNI_RUT_MAX];	/* canonical, "76123456-0" */
	char	name[256];
	char	industry[32];
	char	size[16];
	int	benchmark;		/* opted in to benchmarks: 0/1 */
	int	is_active;		/* 0: removed (soft delete) */
} ayni_company;

/*
 * The fields of 'company add' and 'company edit'.  NULL (or benchmark -1)
 * leaves a field as it is, or takes its default when creating (industry
 * 'other', size 'micro', benchmark off).
 */
typedef struct ayni_company_fields {
	const char	*name;
	const char	*industry;
	const char	*size;
	int		 benchmark;
} ayni_company_fields;

/*
 * Checks with a message that lists what is allowed (AYNI_EUSAGE).  The
 * schema holds the same lists as CHECK constraints.  A name is trimmed of
 * surrounding white space into out and must keep 2 to 200 characters,
 * none of them control characters.
 */
int	ayni_industry_check(const char *industry, ayni_error *err);
int	ayni_size_check(const char *size, ayni_error *err);
int	ayni_company_name_clean(const char *in, char *out, size_t len,
	    ayni_error *err);

/*
 * Register a company and make owner_id its owner, in one transaction.  rut
 * in any accepted spelling; AYNI_EEXISTS if a company (even a removed one)
 * has it.
 */
int	ayni_company_create(ayni_db *db, int64_t owner_id, const char *rut,
	    const ayni_company_fields *f, int64_t *out_id, ayni_error *err);

/*
 * Look a company up by RUT (any spelling), ignoring membership: for the
 * superuser's administration only, never to decide what a user may see.
 * Removed companies are found only with include_removed.  AYNI_ENOTFOUND.
 */
int	ayni_company_find(ayni_db *db, const char *rut, int include_removed,
	    ayni_company *out, ayni_error *err);

/* Change the fields set in f (at least one). */
int	ayni_company_update(ayni_db *db, int64_t company_id,
	    const ayni_company_fields *f, ayni_error *err);

/*
 * Soft delete: the company disappears from every listing and lookup, its
 * data and memberships stay.  Only an owner (by) removes a company
 * (AYNI_EPERM).  Restore brings it back as it was; the caller must be a
 * superuser (AYNI_EPERM); AYNI_EEXISTS if it is not removed.
 */
int	ayni_company_remove(ayni_db *db, const ayni_membership *by,
	    ayni_error *err);
int	ayni_company_restore(ayni_db *db, const ayni_actor *actor,
	    const char *rut, ayni_company *out, ayni_error *err);

/*
 * Make company_id the default company of the actor's session (or API
 * token: then it is the token's default from now on, for every command
 * run with it).  The actor must be an active member.  *is_api (may be
 * NULL) says which kind of credential was changed.
 */
int	ayni_company_use(ayni_db *db, const ayni_actor *actor,
	    int64_t company_id, int *is_api, ayni_error *err);

/*
 * Output.  Columns of a company: rut (display form), name, industry,
 * size, benchmark, role (the caller's; null when not a member) and, for
 * the superuser's 'list --all' only, active.  AYNI_COMPANY_NCOLS excludes
 * active.  Members: email, name, role.
 */
extern const ayni_column ayni_company_columns[];
#define AYNI_COMPANY_NCOLS	6
extern const ayni_column ayni_member_columns[];
#define AYNI_MEMBER_NCOLS	3

/*
 * The active companies the actor is an active member of, by name; with
 * all (superuser only, AYNI_EPERM otherwise) every company, removed ones
 * included, and the extra column active: w must have been made with
 * AYNI_COMPANY_NCOLS + all columns.
 */
int	ayni_company_list(ayni_db *db, const ayni_actor *actor, int all,
	    ayni_writer *w, ayni_error *err);
/* One row: the company selected in m. */
int	ayni_company_show(ayni_db *db, const ayni_membership *m,
	    ayni_writer *w, ayni_error *err);

/* The active members of a company, owners first, then by email. */
int	ayni_member_list(ayni_db *db, int64_t company_id, ayni_writer *w,
	    ayni_error *err);

/*
 * The user with email (any case) and their role in company_id (NONE when
 * not an active member).  AYNI_ENOTFOUND if no active user has it.
 */
int	ayni_member_find(ayni_db *db, int64_t company_id, const char *email,
	    int64_t *user_id, ayni_role *role, ayni_error *err);

/*
 * May by (the caller's membership) move a member from role 'from' (NONE:
 * not a member yet) to 'to' (NONE: removed)?  Needs manage users; making,
 * changing or removing an owner needs an owner.  AYNI_EPERM with why.
 */
int	ayni_member_may_assign(const ayni_membership *by, ayni_role from,
	    ayni_role to, ayni_error *err);

/*
 * Change a member's role, or remove the membership (soft: the row stays
 * inactive; ayni_member_add re-activates it), as by.  Checks
 * ayni_member_may_assign, and that the company keeps an active owner:
 * the last one cannot be demoted or removed (AYNI_EPERM).  AYNI_ENOTFOUND
 * if user_id is not an active member.
 */
int	ayni_member_set_role(ayni_db *db, const ayni_membership *by,
	    int64_t user_id, ayni_role role, ayni_error *err);
int	ayni_member_remove(ayni_db *db, const ayni_membership *by,
	    int64_t user_id, ayni_error *err);

#endif /* AYNI_COMPANY_H */
