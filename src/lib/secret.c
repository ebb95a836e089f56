/*
 * secret.c - password hashes, random tokens and their hashes, wiping
 * (ayni/secret.h).  Passwords are argon2id encoded hashes at the policy's
 * cost.  Every token is 256 random bits from getrandom(2); its stored form
 * is a deterministic argon2id hash (the tokens are random, so a fixed salt
 * and minimal cost lose nothing and make the hash a lookup key).
 *
 * It holds no state but the cost of new hashes and touches no database:
 * user.c and auth.c both build on it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <argon2.h>

#include "ayni/intl.h"
#include "ayni/secret.h"

void
ayni_wipe(void *p, size_t len)
{
	volatile unsigned char *v = p;

	while (len-- > 0)
		*v++ = 0;
}

/*
 * The cost of new hashes.  Only ayni_password_test_cost changes it, and
 * only unit tests call that: the binary always hashes at the policy.
 */
static uint32_t hash_t = AYNI_ARGON2_T;
static uint32_t hash_m = AYNI_ARGON2_M_KIB;

void
ayni_password_test_cost(uint32_t t_cost, uint32_t m_kib)
{
	hash_t = t_cost ? t_cost : AYNI_ARGON2_T;
	hash_m = m_kib ? m_kib : AYNI_ARGON2_M_KIB;
}

int
ayni_password_hash(const char *pw, char *out, size_t len, ayni_error *err)
{
	unsigned char salt[16];
	int rc;

	if (getrandom(salt, sizeof(salt), 0) != (ssize_t)sizeof(salt))
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("cannot get random bytes: %s"), strerror(errno));
	rc = argon2id_hash_encoded(hash_t, hash_m, AYNI_ARGON2_P, pw,
	    strlen(pw), salt, sizeof(salt), 32, out, len);
	if (rc != ARGON2_OK)
		return ayni_error_set(err, rc == ARGON2_MEMORY_ALLOCATION_ERROR ?
		    AYNI_ENOMEM : AYNI_EINTERNAL, _("cannot hash password: %s"),
		    argon2_error_message(rc));
	return 0;
}

/* Hashes written by other argon2 variants still verify (and get rehashed). */
static int
hash_type(const char *encoded, argon2_type *type)
{
	if (strncmp(encoded, "$argon2id$", 10) == 0)
		*type = Argon2_id;
	else if (strncmp(encoded, "$argon2i$", 9) == 0)
		*type = Argon2_i;
	else if (strncmp(encoded, "$argon2d$", 9) == 0)
		*type = Argon2_d;
	else
		return -1;
	return 0;
}

int
ayni_password_verify(const char *encoded, const char *pw)
{
	argon2_type type;

	if (encoded == NULL || hash_type(encoded, &type) != 0)
		return 0;
	return argon2_verify(encoded, pw, strlen(pw), type) == ARGON2_OK;
}

int
ayni_password_needs_rehash(const char *encoded)
{
	unsigned v, m, t, p;

	if (strncmp(encoded, "$argon2id$", 10) != 0 ||
	    sscanf(encoded + 10, "v=%u$m=%u,t=%u,p=%u$", &v, &m, &t, &p) != 4)
		return 1;
	return v < ARGON2_VERSION_13 || m < hash_m || t < hash_t ||
	    p != AYNI_ARGON2_P;
}

int
ayni_token_random(char buf[AYNI_TOKEN_LEN + 1], ayni_error *err)
{
	unsigned char raw[AYNI_TOKEN_LEN / 2];
	size_t i;

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("cannot get random bytes: %s"), strerror(errno));
	for (i = 0; i < sizeof(raw); i++)
		snprintf(buf + 2 * i, 3, "%02x", raw[i]);
	ayni_wipe(raw, sizeof(raw));
	return 0;
}

int
ayni_token_hash(const char *token, char *buf, size_t len, ayni_error *err)
{
	static const char salt[] = "ayni-token-salt1";	/* 16 bytes */
	unsigned char raw[32];
	size_t i;
	int rc;

	if (len < 2 * sizeof(raw) + 1)
		return ayni_error_set(err, AYNI_EINTERNAL, _("token buffer"));
	rc = argon2id_hash_raw(1, 8, 1, token, strlen(token), salt,
	    sizeof(salt) - 1, raw, sizeof(raw));
	if (rc != ARGON2_OK)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("cannot hash token: %s"), argon2_error_message(rc));
	for (i = 0; i < sizeof(raw); i++)
		snprintf(buf + 2 * i, 3, "%02x", raw[i]);
	return 0;
}
