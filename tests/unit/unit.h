/* tests/unit/unit.h: what every cmocka test file includes. */
#ifndef BALE_TESTS_UNIT_H
#define BALE_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define RUN(tests) cmocka_run_group_tests(tests, NULL, NULL)

#endif
