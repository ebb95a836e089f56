/*
 * replay.c - a main() for the fuzz harnesses when libFuzzer is not there.
 *
 * Each argument is a file, or a directory whose regular files are read in
 * name order; every file is handed once to LLVMFuzzerTestOneInput().  This
 * is how ctest runs the committed corpus (tests/fuzz/corpus/<harness>/) in
 * every build, sanitized or not.  It does not mutate, measure coverage or
 * catch crashes: a finding aborts the process, and ctest reports it.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	FILE *fp;
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			if ((buf = realloc(buf, cap)) == NULL) {
				perror("realloc");
				exit(1);
			}
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		perror(path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	/* An exact-size copy, so ASan sees any read past the input. */
	{
		unsigned char *in = malloc(len ? len : 1);

		if (in == NULL) {
			perror("malloc");
			exit(1);
		}
		memcpy(in, buf, len);
		LLVMFuzzerTestOneInput(in, len);
		free(in);
	}
	free(buf);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_dir(const char *dir, long *count)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char **names = NULL, *path;
	size_t n = 0, i;
	int rc = 0;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof(*names))) == NULL ||
		    (names[n] = strdup(e->d_name)) == NULL) {
			perror("malloc");
			exit(1);
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if ((path = malloc(strlen(dir) + strlen(names[i]) + 2)) ==
		    NULL) {
			perror("malloc");
			exit(1);
		}
		sprintf(path, "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (replay_file(path) != 0)
				rc = -1;
			else
				(*count)++;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	struct stat st;
	long count = 0;
	int i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s file|dir ...\n", argv[0]);
		return 64;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count) != 0)
				rc = 1;
		} else if (replay_file(argv[i]) != 0)
			rc = 1;
		else
			count++;
	}
	printf("%s: %ld inputs replayed\n", argv[0], count);
	/* An empty corpus would make this test pass without testing. */
	return rc != 0 || count == 0;
}
