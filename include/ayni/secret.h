/*
 * secret.h - the secrets of users: argon2id password hashes, random tokens
 * and their stored hashes, and wiping a secret from memory.
 *
 * No database here: user.c stores password hashes and auth.c token hashes,
 * and both build on this module, so neither needs the other for it.
 * ayni/user.h includes this header.
 */
#ifndef AYNI_SECRET_H
#define AYNI_SECRET_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/error.h"

/* argon2id cost of new hashes: above OWASP's m=19 MiB, t=2, p=1. */
#define AYNI_ARGON2_T		3
#define AYNI_ARGON2_M_KIB	(64 * 1024)
#define AYNI_ARGON2_P		1

#define AYNI_TOKEN_LEN		64	/* hex characters of a 256-bit token */

/* argon2id encoded hash of password into out (>= 128 bytes). */
int	ayni_password_hash(const char *password, char *out, size_t len,
	    ayni_error *err);
/* 1 if password matches the encoded hash, 0 if not. */
int	ayni_password_verify(const char *encoded, const char *password);
/*
 * 1 if an encoded hash is weaker than the current policy (not argon2id,
 * or lower memory or time cost), so that a login should rehash it.
 */
int	ayni_password_needs_rehash(const char *encoded);
/*
 * Tests only: the argon2id cost of new hashes, so unit tests do not pay
 * 64 MiB per hash.  (0, 0) restores AYNI_ARGON2_T and AYNI_ARGON2_M_KIB.
 * The ayni binary never calls it, and nothing outside the process can.
 */
void	ayni_password_test_cost(uint32_t t_cost, uint32_t m_kib);

/* Fill buf with a new random token of AYNI_TOKEN_LEN hex characters. */
int	ayni_token_random(char buf[AYNI_TOKEN_LEN + 1], ayni_error *err);
/* The stored form of a token: a hex hash, deterministic so it can be
   looked up; buf >= 65 bytes. */
int	ayni_token_hash(const char *token, char *buf, size_t len,
	    ayni_error *err);

/* Overwrite a secret in memory so it does not outlive its use. */
void	ayni_wipe(void *p, size_t len);

#endif /* AYNI_SECRET_H */
